package org.pbxlicensing.web.faces;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewMetadata;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * The forms of a page post to the page's own address, view parameters included
 * ({@code /admin/registration.xhtml?number=…}), where Faces would post to the bare page. Faces keeps the values
 * in the view, so a postback does not need them; a form whose view has expired does: its visitor is sent to a
 * fresh copy of the page ({@link FreshPage}), which can only be the same registration's page if the post's
 * address names it.
 */
public class ViewParametersInFormActions extends ViewHandlerWrapper {

    public ViewParametersInFormActions(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String action = super.getActionURL(context, viewId);
        UIViewRoot view = context.getViewRoot();
        if (view == null || !viewId.equals(view.getViewId())) {
            return action;
        }
        StringJoiner parameters = new StringJoiner("&");
        for (UIViewParameter parameter : ViewMetadata.getViewParameters(view)) {
            String value = parameter.getStringValue(context);
            if (value != null && !value.isEmpty()) {
                parameters.add(encoded(parameter.getName()) + "=" + encoded(value));
            }
        }
        if (parameters.length() == 0) {
            return action;
        }
        return action + (action.contains("?") ? "&" : "?") + parameters;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
