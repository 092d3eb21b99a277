package org.pbxlicensing.web.faces;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.render.ResponseStateManager;

/**
 * Every page of this application keeps its view state on the server; none is stateless. A form that posts
 * the token the Faces specification reserves for stateless views ({@code stateless}) is made up, and is
 * refused like any other view state the session does not hold: no view is restored, which Faces reports as
 * expired ({@link ExpiredViewExceptionHandler}). Left alone, Mojarra builds the view, finds that it is not
 * stateless and throws a bare FacesException: a 500.
 */
public class StatefulViewsOnly extends ViewHandlerWrapper {

    private static final String STATELESS = "stateless";

    public StatefulViewsOnly(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot restoreView(FacesContext context, String viewId) {
        String posted = context.getExternalContext().getRequestParameterMap().get(ResponseStateManager.VIEW_STATE_PARAM);
        return STATELESS.equals(posted) ? null : super.restoreView(context, viewId);
    }
}
