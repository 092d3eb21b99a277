package org.pbxlicensing.web.faces;

import jakarta.faces.FacesException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * An Ajax post that reaches a page as a GET was redirected on its way: the session behind its page was gone,
 * and the portal's access filter or the staff login sent it to a login page. The browser follows such a
 * redirect inside the script's request, which keeps its {@code Faces-Request} header, and would hand the
 * script a whole page where it expects a partial response: nothing would happen on screen. Such a request
 * gets the page's address as a partial-response redirect instead, and the browser navigates there.
 */
public class RedirectedAjaxRequests implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        var request = (HttpServletRequest) faces.getExternalContext().getRequest();
        if (!faces.getPartialViewContext().isAjaxRequest() || !"GET".equals(request.getMethod())) {
            return;
        }
        String query = request.getQueryString();
        try {
            faces.getExternalContext().redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
        } catch (IOException e) {
            throw new FacesException(e);
        }
        faces.responseComplete();
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        // Everything happens before the view is restored.
    }
}
