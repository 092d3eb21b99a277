package org.pbxlicensing.domain.license;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.catalog.Feature;

class LicensePreferenceTest {

    private static final Feature PBX = new Feature(33, "Askozia PBX", CountingMode.PER_HOST, 30, 1);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void aPaidLicenseComesBeforeTheTrialEvenWhenTheTrialLastsLonger() {
        var trial = License.trial(null, PBX, LicenseSource.REGISTRATION, NOW);
        var oneMonth = License.term(null, PBX, 1, 1, LicenseSource.COUPON, null, NOW.minus(Duration.ofDays(20)));

        assertEquals(List.of(oneMonth, trial), LicensePreference.candidates(List.of(trial, oneMonth), NOW));
    }

    @Test
    void aPerpetualLicenseComesBeforeATermAndTheLongerTermBeforeTheShorter() {
        var year = License.term(null, PBX, 1, 12, LicenseSource.COUPON, null, NOW);
        var twoYears = License.term(null, PBX, 1, 24, LicenseSource.COUPON, null, NOW);
        var perpetual = License.perpetual(null, PBX, 1, LicenseSource.COUPON, null, NOW);

        assertEquals(List.of(perpetual, twoYears, year),
                LicensePreference.candidates(List.of(year, perpetual, twoYears), NOW));
    }

    @Test
    void ofTwoEquallyLongLicensesTheOlderComesFirst() {
        var newer = License.perpetual(null, PBX, 1, LicenseSource.COUPON, null, NOW.minusSeconds(60));
        var older = License.perpetual(null, PBX, 1, LicenseSource.COUPON, null, NOW.minus(Duration.ofDays(3)));

        assertEquals(List.of(older, newer), LicensePreference.candidates(List.of(newer, older), NOW));
    }

    @Test
    void endedRevokedAndNotYetStartedLicensesAreNoCandidates() {
        var ended = License.term(null, PBX, 1, 1, LicenseSource.COUPON, null, NOW.minus(Duration.ofDays(40)));
        var revoked = License.perpetual(null, PBX, 1, LicenseSource.STAFF, null, NOW.minus(Duration.ofDays(1)));
        revoked.revoke(NOW.minusSeconds(1));
        var future = License.perpetual(null, PBX, 1, LicenseSource.STAFF, null, NOW.plusSeconds(60));
        var trial = License.trial(null, PBX, LicenseSource.REGISTRATION, NOW.minus(Duration.ofDays(29)));

        assertEquals(List.of(trial), LicensePreference.candidates(List.of(ended, revoked, future, trial), NOW));
    }

    @Test
    void aTrialIsNoCandidateAtTheInstantItEnds() {
        var trial = License.trial(null, PBX, LicenseSource.REGISTRATION, NOW.minus(Duration.ofDays(30)));

        assertEquals(List.of(), LicensePreference.candidates(List.of(trial), NOW));
    }
}
