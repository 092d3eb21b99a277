package org.pbxlicensing.domain.license;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.catalog.Feature;

class LicenseStateTest {

    private static final Feature PBX = new Feature(33, "Askozia PBX", CountingMode.PER_HOST, 30, 1);
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aTrialIsActiveUntilItsEndAndEndedFromThen() {
        var trial = License.trial(null, PBX, LicenseSource.PORTAL, NOW);
        assertEquals(LicenseState.ACTIVE, LicenseState.of(trial, NOW));
        assertEquals(LicenseState.ACTIVE, LicenseState.of(trial, trial.endsAt().minusSeconds(1)));
        assertEquals(LicenseState.ENDED, LicenseState.of(trial, trial.endsAt()));
    }

    @Test
    void aRevocationOutranksTheEndDate() {
        var trial = License.trial(null, PBX, LicenseSource.PORTAL, NOW);
        trial.revoke(NOW.plus(Duration.ofDays(1)));
        assertEquals(LicenseState.ACTIVE, LicenseState.of(trial, NOW));
        assertEquals(LicenseState.REVOKED, LicenseState.of(trial, NOW.plus(Duration.ofDays(1))));
        assertEquals(LicenseState.REVOKED, LicenseState.of(trial, NOW.plus(Duration.ofDays(60))));
    }

    @Test
    void aPerpetualLicenseNeverEnds() {
        var license = License.perpetual(null, PBX, 2, LicenseSource.COUPON, null, NOW);
        assertEquals(LicenseState.ACTIVE, LicenseState.of(license, NOW.plus(Duration.ofDays(36500))));
    }
}
