package org.pbxlicensing.web.portal;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** The customer logged in to this HTTP session: the one registration they may see and change. */
@Named
@SessionScoped
public class CustomerSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long registrationId;
    private String registrationNumber;

    void logIn(long registrationId, String registrationNumber) {
        this.registrationId = registrationId;
        this.registrationNumber = registrationNumber;
    }

    void logOut() {
        registrationId = null;
        registrationNumber = null;
    }

    /** Where the site's root leads: the customer's overview once logged in, the login page before. */
    public String home() {
        return isLoggedIn() ? "/portal/overview?faces-redirect=true" : "/login?faces-redirect=true";
    }

    public boolean isLoggedIn() {
        return registrationId != null;
    }

    /** @throws IllegalStateException when nobody is logged in (the access filter prevents it) */
    public long registrationId() {
        if (registrationId == null) {
            throw new IllegalStateException("no customer logged in");
        }
        return registrationId;
    }

    public String getRegistrationNumber() {
        return registrationNumber;
    }
}
