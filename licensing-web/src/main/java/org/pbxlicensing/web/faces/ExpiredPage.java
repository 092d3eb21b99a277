package org.pbxlicensing.web.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * The mark on a page's address that says the visitor's last form could not be taken because its page had
 * expired (the session that rendered it is gone, or never knew it). Whoever sends the visitor to a fresh
 * page adds it; the page templates ask for the notice, which shows in the page's messages. A mark in the
 * address rather than a flash message, because the session that would carry a flash is what is often gone.
 * Each such visitor is one warning line in the log: the page and where it was sent, never the view state.
 */
@Named
@ApplicationScoped
public class ExpiredPage {

    public static final String MARK = "expired";
    private static final Logger LOG = Logger.getLogger(ExpiredPage.class.getName());

    /** The address of a page, relative to the application, with the mark: {@code /login.xhtml?expired=true}. */
    public static String marked(String page) {
        return page + "?" + MARK + "=true";
    }

    /** Why a form could not be taken, as its warning line says. */
    public enum Cause {
        UNKNOWN_VIEW_STATE("a view state that its session does not hold (expired, or made up)"),
        FOREIGN_NONCE("a script nonce that is not its page's (made up, or another page's)"),
        UNRESTORABLE_VIEW_STATE("a view state that this node could not restore into the page");

        private final String said;

        Cause(String said) {
            this.said = said;
        }
    }

    /** Logs that a form of {@code page} came with a view state its session does not hold. */
    public static void report(String page, String freshPage) {
        report(page, Cause.UNKNOWN_VIEW_STATE, freshPage);
    }

    /**
     * Logs that a form of {@code page} could not be taken and its visitor is sent to {@code freshPage} (a path,
     * never the address's parameters, which may hold a registration number). The page comes from the request's
     * path, so control characters are blanked: a line break must not forge a line.
     */
    public static void report(String page, Cause cause, String freshPage) {
        LOG.warning(() -> "A form of " + page.replaceAll("\\p{Cntrl}", "?") + " came with " + cause.said
                + ": sent to " + freshPage);
    }

    /** Puts the page's own wording of the notice into its messages when its address carries the mark. */
    public void announce(String notice) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!faces.isPostback() && faces.getExternalContext().getRequestParameterMap().containsKey(MARK)) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, notice, null));
        }
    }
}
