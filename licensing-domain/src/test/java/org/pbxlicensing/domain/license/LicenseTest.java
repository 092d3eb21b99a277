package org.pbxlicensing.domain.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.catalog.Feature;

class LicenseTest {

    private static final Feature PBX = new Feature(33, "Askozia PBX", CountingMode.PER_HOST, 30, 1);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void trialLastsTheFeaturesTrialDaysWithItsSeats() {
        var trial = License.trial(null, PBX, LicenseSource.REGISTRATION, NOW);
        assertEquals(LicenseKind.TRIAL, trial.kind());
        assertEquals(1, trial.seats());
        assertEquals(NOW.plus(Duration.ofDays(30)), trial.endsAt());
        assertEquals(30, trial.daysLeftAt(NOW));
        assertEquals(30, trial.daysLeftAt(NOW.plusSeconds(1)));
        assertEquals(29, trial.daysLeftAt(NOW.plus(Duration.ofDays(1))));
        assertEquals(1, trial.daysLeftAt(NOW.plus(Duration.ofDays(30)).minusSeconds(1)));
    }

    @Test
    void trialEndsExactlyAtItsEnd() {
        var trial = License.trial(null, PBX, LicenseSource.REGISTRATION, NOW);
        Instant end = NOW.plus(Duration.ofDays(30));
        assertTrue(trial.isActiveAt(end.minusNanos(1000)));
        assertFalse(trial.isActiveAt(end));
        assertTrue(trial.hasEndedAt(end));
        assertEquals(0, trial.daysLeftAt(end.plusSeconds(5)));
    }

    @Test
    void perpetualLicenseNeverEnds() {
        var license = License.perpetual(null, PBX, 5, LicenseSource.COUPON, "order-1", NOW);
        assertNull(license.endsAt());
        assertNull(license.daysLeftAt(NOW));
        assertTrue(license.isActiveAt(NOW.plus(Duration.ofDays(36500))));
        assertFalse(license.hasEndedAt(NOW.plus(Duration.ofDays(36500))));
    }

    @Test
    void termLicenseEndsAfterItsCalendarMonths() {
        var license = License.term(null, PBX, 2, 12, LicenseSource.COUPON, null, NOW);
        assertEquals(Instant.parse("2027-11-27T10:00:00Z"), license.endsAt());
    }

    @Test
    void revokedLicenseIsNotActive() {
        var license = License.perpetual(null, PBX, 1, LicenseSource.STAFF, null, NOW);
        license.revoke(NOW.plusSeconds(60));
        assertFalse(license.isActiveAt(NOW.plusSeconds(61)));
        assertTrue(license.isActiveAt(NOW.plusSeconds(59)));
    }

    @Test
    void aLicenseHasAtLeastOneSeat() {
        assertThrows(IllegalArgumentException.class,
                () -> License.perpetual(null, PBX, 0, LicenseSource.STAFF, null, NOW));
    }
}
