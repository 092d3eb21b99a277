package org.pbxlicensing.service.portal;

import java.util.List;
import org.pbxlicensing.domain.registration.LoginLinkRefusal;
import org.pbxlicensing.domain.registration.Registration;

/** What following a login link came to: the registrations it opened, or why it opened none. */
public record LoginLinkOutcome(List<Registration> registrations, LoginLinkRefusal refusal) {

    static LoginLinkOutcome loggedIn(List<Registration> registrations) {
        return new LoginLinkOutcome(List.copyOf(registrations), null);
    }

    static LoginLinkOutcome refused(LoginLinkRefusal refusal) {
        return new LoginLinkOutcome(List.of(), refusal);
    }

    public boolean loggedIn() {
        return refusal == null;
    }
}
