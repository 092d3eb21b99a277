package org.pbxlicensing.service.mail;

import java.util.List;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.domain.registration.Registration;

/** A mail this node may send now, with the registrations it tells about (none for an unknown email). */
public record ClaimedMail(OutboxMail mail, List<Registration> registrations) {
}
