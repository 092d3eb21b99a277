package org.pbxlicensing.service.check;

import java.time.Instant;
import java.util.List;
import org.pbxlicensing.domain.eula.EulaStatus;
import org.pbxlicensing.domain.license.HostStatus;
import org.pbxlicensing.domain.registration.RegistrationNumber;

/** Everything a PBX learns from a check or an activation about its host. */
public record HostReport(
        RegistrationNumber registrationNumber,
        String hostId,
        HostStatus status,
        List<HostLicense> features,
        EulaStatus eula,
        Instant checkedAt,
        Instant validUntil,
        String certificate,
        int pollSeconds) {

    /** Days left of the first license that ends, for the status message. */
    public Long daysLeft() {
        return features.stream()
                .map(f -> f.license().daysLeftAt(checkedAt))
                .filter(java.util.Objects::nonNull)
                .min(Long::compare)
                .orElse(null);
    }
}
