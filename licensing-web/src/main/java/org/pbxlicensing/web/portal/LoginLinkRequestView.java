package org.pbxlicensing.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.service.portal.LoginLinks;
import org.pbxlicensing.web.request.ClientRequest;

/** "Send me a login link": the same answer whether or not the email is known. */
@Named
@RequestScoped
public class LoginLinkRequestView {

    @Inject
    LoginLinks links;

    @Inject
    ClientRequest client;

    private String email;

    public void send() {
        try {
            links.request(email == null ? "" : email.strip(), client.address());
            PageMessages.info("loginLink.sent");
            email = null;
        } catch (LicensingException e) {
            TooManyAttempts.answerWith429(e);
            PageMessages.error(e.failure() == Failure.TOO_MANY_ATTEMPTS ? "failure.TOO_MANY_ATTEMPTS" : "forgot.invalid");
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
