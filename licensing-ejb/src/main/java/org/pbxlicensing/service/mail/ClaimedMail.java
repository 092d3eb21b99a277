package org.pbxlicensing.service.mail;

import java.time.Instant;
import java.util.List;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.domain.registration.Registration;

/**
 * A mail this node may send now, with the registrations it tells about (none for an unknown email),
 * for a welcome mail the end of the trial its registration started with, and the license or binding
 * that a mail about a license's end or a released binding tells of.
 */
public record ClaimedMail(OutboxMail mail, List<Registration> registrations, Instant trialEnd, License license,
        HostBinding binding) {

    /** A mail that tells of no trial. */
    public ClaimedMail(OutboxMail mail, List<Registration> registrations) {
        this(mail, registrations, null, null, null);
    }

    public ClaimedMail(OutboxMail mail, List<Registration> registrations, Instant trialEnd) {
        this(mail, registrations, trialEnd, null, null);
    }
}
