package org.pbxlicensing.web.admin;

import jakarta.enterprise.context.RequestScoped;
import org.pbxlicensing.service.staff.StaffDirectory.LoginOutcome;

/** How this request's login attempt ended, so the login page can say "too many attempts" or ask for a code. */
@RequestScoped
public class LoginAttempt {

    private LoginOutcome outcome;
    private String userName;

    void record(String userName, LoginOutcome outcome) {
        this.userName = userName;
        this.outcome = outcome;
    }

    /** The member whose password was right and whose code is asked next; none otherwise. */
    String codeNeededFor() {
        return outcome == LoginOutcome.CODE_NEEDED ? userName : null;
    }

    boolean wasThrottled() {
        return outcome == LoginOutcome.THROTTLED;
    }
}
