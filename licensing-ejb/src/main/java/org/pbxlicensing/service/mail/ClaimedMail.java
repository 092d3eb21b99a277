package org.pbxlicensing.service.mail;

import java.time.Instant;
import java.util.List;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.domain.registration.Registration;

/**
 * A mail this node may send now, with the registrations it tells about (none for an unknown email)
 * and, for a welcome mail, the end of the trial its registration started with.
 */
public record ClaimedMail(OutboxMail mail, List<Registration> registrations, Instant trialEnd) {

    /** A mail that tells of no trial. */
    public ClaimedMail(OutboxMail mail, List<Registration> registrations) {
        this(mail, registrations, null);
    }
}
