package org.pbxlicensing.service.portal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.license.LicenseState;
import org.pbxlicensing.domain.session.LicenseSession;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditQueries;
import org.pbxlicensing.service.session.SessionMonitor;

/**
 * A customer's view of one of their licenses. The license is looked up together with the registration
 * of the customer's session: another registration's license is not found, exactly like one that does
 * not exist, so a guessed id tells nothing.
 */
@Stateless
public class CustomerLicenses {

    private static final int HISTORY_LIMIT = 200;

    @Inject
    PortalQueries queries;

    @Inject
    AuditQueries audit;

    @Inject
    CustomerPortal portal;

    @Inject
    SessionMonitor sessions;

    @Inject
    ServerClock clock;

    public Optional<LicenseDetails> of(long registrationId, long licenseId) {
        return queries.licenseOf(registrationId, licenseId)
                .map(license -> details(registrationId, license));
    }

    private LicenseDetails details(long registrationId, License license) {
        List<HostBinding> bindings = portal.bindings(registrationId);
        List<LicenseSession> live = sessions.liveSessions(registrationId);
        long used = SeatFigures.of(bindings, live).usedOf(license);
        return new LicenseDetails(license, LicenseState.of(license, clock.now()), used,
                bindings.stream().filter(binding -> binding.license().id().equals(license.id())).toList(),
                live.stream().filter(session -> session.license().id().equals(license.id())).toList(),
                audit.trailOfLicense(registrationId, license.id(), HISTORY_LIMIT));
    }
}
