package org.pbxlicensing.web.faces;

import jakarta.faces.FacesException;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewDeclarationLanguage;
import jakarta.faces.view.ViewMetadata;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends the visitor of a form that could not be taken to a fresh copy of its page, marked
 * {@link ExpiredPage expired}: a redirect, which Faces writes as a partial-response redirect for an Ajax post.
 * The fresh page keeps the view parameters its page declares, with the values of the address the form was
 * posted to ({@link ViewParametersInFormActions}), so that an admin's registration page comes back with its
 * registration. Nothing else of that address goes along: other names are whatever a client added.
 */
final class FreshPage {

    private FreshPage() {
    }

    static void send(FacesContext faces, String viewId, ExpiredPage.Cause cause) {
        ExpiredPage.report(viewId, cause, viewId);
        Map<String, List<String>> parameters = new LinkedHashMap<>(postedViewParameters(faces, viewId));
        parameters.put(ExpiredPage.MARK, List.of("true"));
        String page = faces.getApplication().getViewHandler().getRedirectURL(faces, viewId, parameters, false);
        try {
            faces.getExternalContext().redirect(page);
        } catch (IOException e) {
            throw new FacesException(e);
        }
        faces.responseComplete();
    }

    /** The view parameters of the page that the address of the post carries; undecodable pairs are left out. */
    private static Map<String, List<String>> postedViewParameters(FacesContext faces, String viewId) {
        String query = ((HttpServletRequest) faces.getExternalContext().getRequest()).getQueryString();
        if (query == null || query.isEmpty()) {
            return Map.of();
        }
        Set<String> declared = declaredViewParameters(faces, viewId);
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (declared.contains(name)) {
                    kept.computeIfAbsent(name, any -> new ArrayList<>()).add(value);
                }
            } catch (IllegalArgumentException undecodable) {
                // Not a parameter the page could have put into its own address.
            }
        }
        return kept;
    }

    /**
     * The names of the view's {@code f:viewParam}s, from its metadata alone: a form whose view state is unknown has
     * no view to ask. None when the view has no metadata or its page cannot be read.
     */
    private static Set<String> declaredViewParameters(FacesContext faces, String viewId) {
        try {
            ViewDeclarationLanguage language = faces.getApplication().getViewHandler()
                    .getViewDeclarationLanguage(faces, viewId);
            ViewMetadata metadata = language == null ? null : language.getViewMetadata(faces, viewId);
            if (metadata == null) {
                return Set.of();
            }
            return ViewMetadata.getViewParameters(metadata.createMetadataView(faces)).stream()
                    .map(UIViewParameter::getName)
                    .collect(Collectors.toSet());
        } catch (FacesException unreadablePage) {
            return Set.of();
        }
    }
}
