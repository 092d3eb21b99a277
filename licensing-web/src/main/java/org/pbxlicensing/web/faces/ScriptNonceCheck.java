package org.pbxlicensing.web.faces;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.Map;
import org.primefaces.config.PrimeConfiguration;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.util.Constants;

/**
 * A postback must carry the script nonce of the page it was posted from. PrimeFaces keeps the nonce a page was
 * rendered with in the page's view, and its script puts it into every form of the page; it compares the two
 * only when it renders the page again, after the form's values and action have been applied, and never when
 * the action redirects. A form with another nonce (made up, or another page's) was not sent by its page: it is
 * turned away once its view is restored, before any of its values is applied, and its visitor lands on a fresh
 * copy of the page marked expired ({@link FreshPage}), like a form whose view state is unknown. A view that
 * could not be restored never gets here: the exception handler has already sent its visitor on.
 */
public class ScriptNonceCheck implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.APPLY_REQUEST_VALUES;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        UIViewRoot view = faces.getViewRoot();
        if (faces.getResponseComplete() || view == null || !faces.isPostback() || !noncesGiven(faces)) {
            return;
        }
        Map<String, Object> kept = view.getViewMap(false);
        Object nonce = kept == null ? null : kept.get(Constants.RequestParams.NONCE_PARAM);
        String posted = faces.getExternalContext().getRequestParameterMap().get(Constants.RequestParams.NONCE_PARAM);
        if (nonce == null || !nonce.equals(posted)) {
            FreshPage.send(faces, view.getViewId(), ExpiredPage.Cause.FOREIGN_NONCE);
        }
    }

    /** Whether PrimeFaces gives pages nonces: its CSP mode is on and makes the policy itself. */
    private static boolean noncesGiven(FacesContext faces) {
        PrimeConfiguration config = PrimeApplicationContext.getCurrentInstance(faces).getConfig();
        return config.isCsp() && !config.isPolicyProvided();
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        // Everything happens before the posted values are applied.
    }
}
