package org.pbxlicensing.web.faces;

import jakarta.faces.FacesException;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Sends the visitor of a form that could not be taken to a fresh copy of its page, marked
 * {@link ExpiredPage expired}: a redirect, which Faces writes as a partial-response redirect for an Ajax post.
 */
final class FreshPage {

    private FreshPage() {
    }

    static void send(FacesContext faces, String viewId, ExpiredPage.Cause cause) {
        ExpiredPage.report(viewId, cause, viewId);
        String page = faces.getApplication().getViewHandler()
                .getRedirectURL(faces, viewId, Map.of(ExpiredPage.MARK, List.of("true")), false);
        try {
            faces.getExternalContext().redirect(page);
        } catch (IOException e) {
            throw new FacesException(e);
        }
        faces.responseComplete();
    }
}
