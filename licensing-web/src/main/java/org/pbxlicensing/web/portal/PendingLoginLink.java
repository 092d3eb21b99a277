package org.pbxlicensing.web.portal;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;

/**
 * The token of the login link this browser opened, kept in its session so that the token leaves the
 * address bar (and the history, and any Referer) at once; the link is spent only by the "Log in" button.
 */
@SessionScoped
public class PendingLoginLink implements Serializable {

    private static final long serialVersionUID = 1L;

    private String token;

    void hold(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    /** The token, forgotten here: a link is tried once per opening. */
    String take() {
        String taken = token;
        token = null;
        return taken;
    }
}
