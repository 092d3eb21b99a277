package org.pbxlicensing.web.admin;

import jakarta.enterprise.context.RequestScoped;
import org.pbxlicensing.service.staff.StaffDirectory.LoginOutcome;

/** How this request's login attempt ended, so the login page can say "too many attempts". */
@RequestScoped
public class LoginAttempt {

    private LoginOutcome outcome;

    void record(LoginOutcome outcome) {
        this.outcome = outcome;
    }

    boolean wasThrottled() {
        return outcome == LoginOutcome.THROTTLED;
    }
}
