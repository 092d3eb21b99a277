package org.pbxlicensing.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.pbxlicensing.domain.registration.LoginLinkRefusal;
import org.pbxlicensing.service.portal.LoginLinkOutcome;
import org.pbxlicensing.service.portal.LoginLinks;
import org.pbxlicensing.web.request.ClientRequest;

/**
 * The page a login link opens. With the token in its address it keeps the token and sends the browser to
 * itself without it; there it says whether the link still logs in, and its button spends the link.
 */
@Named
@RequestScoped
public class LoginLinkView {

    private static final String PAGE = "/login-link-open.xhtml";

    @Inject
    LoginLinks links;

    @Inject
    PendingLoginLink pending;

    @Inject
    CustomerSession customer;

    @Inject
    ClientRequest client;

    @Inject
    Language language;

    private String token;
    private LoginLinkRefusal refusal;

    /**
     * The view action: takes the token out of the address, or finds out whether the held one still works.
     * The redirect is the page's bare address: a navigation to the same page would carry its parameters on.
     * The page speaks the language of the link's mail, unless the visitor chose another in this browser.
     */
    public void open() throws IOException {
        if (token != null) {
            pending.hold(token);
            links.language(token).ifPresent(language::followUnlessChosen);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + PAGE);
            return;
        }
        refusal = pending.token() == null ? LoginLinkRefusal.UNKNOWN : links.refusal(pending.token()).orElse(null);
    }

    public String logIn() {
        String held = pending.take();
        LoginLinkOutcome outcome = links.use(held, client.address());
        if (!outcome.loggedIn()) {
            refusal = outcome.refusal();
            return null;
        }
        var request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        request.changeSessionId();
        customer.logInTo(outcome.registrations().stream().map(RegistrationChoice::of).toList());
        return "/portal/registrations?faces-redirect=true";
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public boolean isRefused() {
        return refusal != null;
    }

    /** Why the link does not log in, in the page's words. */
    public String getRefusalText() {
        return refusal == null ? null : PageMessages.text("loginLink.refused." + refusal.name());
    }
}
