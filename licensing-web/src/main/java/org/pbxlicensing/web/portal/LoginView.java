package org.pbxlicensing.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.service.portal.CustomerPortal;
import org.pbxlicensing.web.request.ClientRequest;

/** Logs a customer in with a registration number or an activated coupon, and out again. */
@Named
@RequestScoped
public class LoginView {

    @Inject
    CustomerPortal portal;

    @Inject
    CustomerSession customer;

    @Inject
    ClientRequest client;

    private String credential;

    public String logIn() {
        try {
            var registration = portal.login(credential, client.address());
            var request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
            request.changeSessionId();
            customer.logIn(registration.id(), registration.number().value());
            return "/portal/overview?faces-redirect=true";
        } catch (LicensingException e) {
            TooManyAttempts.answerWith429(e);
            PageMessages.failure("login.failure.", e.failure());
            return null;
        }
    }

    public String logOut() {
        customer.logOut();
        FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
        return "/login?faces-redirect=true";
    }

    public String getCredential() {
        return credential;
    }

    public void setCredential(String credential) {
        this.credential = credential;
    }
}
