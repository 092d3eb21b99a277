package org.pbxlicensing.web.api.check;

import java.time.Instant;
import java.util.List;
import org.pbxlicensing.domain.eula.EulaStatus;
import org.pbxlicensing.domain.license.HostStatus;
import org.pbxlicensing.domain.license.LicenseKind;
import org.pbxlicensing.service.check.HostLicense;
import org.pbxlicensing.service.check.HostReport;

/** The {@code LicenseStatus} object of the API: what a host may run, signed. */
public record LicenseStatusView(
        String registrationNumber,
        String hostId,
        HostStatus status,
        String message,
        List<FeatureView> features,
        EulaView eula,
        String certificate,
        Instant validUntil,
        int pollSeconds) {

    public record FeatureView(int number, String name, LicenseKind kind, Instant expiresAt, Long daysLeft, int seats,
            long seatsUsed) {

        static FeatureView of(HostLicense feature, Instant now) {
            var license = feature.license();
            return new FeatureView(license.feature().number(), license.feature().name(), license.kind(),
                    license.endsAt(), license.daysLeftAt(now), license.seats(), feature.seatsUsed());
        }
    }

    /** Whether the host's administrator must accept the agreement (its features run meanwhile). */
    public record EulaView(boolean required, String version) {

        static EulaView of(EulaStatus eula) {
            return new EulaView(eula.required(), eula.version());
        }
    }

    public static LicenseStatusView of(HostReport report, String language) {
        return new LicenseStatusView(
                report.registrationNumber().value(),
                report.hostId(),
                report.status(),
                StatusMessages.message(report, language),
                report.features().stream().map(f -> FeatureView.of(f, report.checkedAt())).toList(),
                EulaView.of(report.eula()),
                report.certificate(),
                report.validUntil(),
                report.pollSeconds());
    }
}
