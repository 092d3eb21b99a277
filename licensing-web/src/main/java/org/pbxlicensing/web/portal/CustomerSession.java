package org.pbxlicensing.web.portal;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The customer logged in to this HTTP session: the one registration they see and change now, and, after a
 * login by link, the registrations they may switch to (those the link opened, none other).
 */
@Named
@SessionScoped
public class CustomerSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long registrationId;
    private String registrationNumber;
    private List<RegistrationChoice> choices = List.of();

    void logIn(long registrationId, String registrationNumber) {
        this.registrationId = registrationId;
        this.registrationNumber = registrationNumber;
        this.choices = List.of();
    }

    /** Logged in by a link: the first of the registrations it opened, and the others to switch to. */
    void logInTo(List<RegistrationChoice> opened) {
        RegistrationChoice first = opened.get(0);
        this.registrationId = first.id();
        this.registrationNumber = first.number();
        this.choices = List.copyOf(opened);
    }

    /** @return whether the registration is one the customer may switch to (and now sees) */
    boolean switchTo(long id) {
        for (RegistrationChoice choice : choices) {
            if (choice.id() == id) {
                registrationId = choice.id();
                registrationNumber = choice.number();
                return true;
            }
        }
        return false;
    }

    void logOut() {
        registrationId = null;
        registrationNumber = null;
        choices = List.of();
    }

    public List<RegistrationChoice> getChoices() {
        return choices;
    }

    /** Whether the customer logged in by link and may switch between registrations. */
    public boolean isSwitching() {
        return !choices.isEmpty();
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
