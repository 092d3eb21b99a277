package org.pbxlicensing.web.portal;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;

/**
 * What the last registration form of this browser session came to, for the page the form redirects
 * to: reloading that page shows it again and registers nothing. A repeated form keeps only the email
 * its registration number was mailed to, never the number.
 */
@Named
@SessionScoped
public class RegistrationOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private String number;
    private Instant trialEnd;
    private String mailedTo;

    void registered(String number, Instant trialEnd) {
        this.number = number;
        this.trialEnd = trialEnd;
        this.mailedTo = null;
    }

    void repeated(String email) {
        this.number = null;
        this.trialEnd = null;
        this.mailedTo = email;
    }

    /** Nothing to show: the page sends its visitor to the form. */
    public String formIfNone() {
        return isRegistered() || isRepeated() ? null : "/register?faces-redirect=true";
    }

    public boolean isRegistered() {
        return number != null;
    }

    public boolean isRepeated() {
        return mailedTo != null;
    }

    public String getNumber() {
        return number;
    }

    public Instant getTrialEnd() {
        return trialEnd;
    }

    public String getMailedTo() {
        return mailedTo;
    }
}
