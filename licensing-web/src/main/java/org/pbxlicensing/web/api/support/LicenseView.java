package org.pbxlicensing.web.api.support;

import java.time.Instant;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.license.LicenseKind;

/** A license as the API shows it. */
public record LicenseView(int feature, LicenseKind kind, int seats, Instant expiresAt) {

    public static LicenseView of(License license) {
        return new LicenseView(license.feature().number(), license.kind(), license.seats(), license.endsAt());
    }
}
