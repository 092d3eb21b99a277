package org.pbxlicensing.service.portal;

import java.util.List;
import org.pbxlicensing.domain.audit.AuditEvent;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.license.LicenseState;
import org.pbxlicensing.domain.session.LicenseSession;

/**
 * One license of a customer as its page shows it: where it stands, the seats in use (counted like the
 * session monitor counts them), what holds them, and its history from the audit trail, newest first.
 */
public record LicenseDetails(License license, LicenseState state, long seatsUsed, List<HostBinding> bindings,
        List<LicenseSession> sessions, List<AuditEvent> history) {
}
