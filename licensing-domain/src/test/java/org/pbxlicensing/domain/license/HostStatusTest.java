package org.pbxlicensing.domain.license;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.catalog.Feature;

class HostStatusTest {

    private static final Feature PBX = new Feature(33, "Askozia PBX", CountingMode.PER_HOST, 30, 1);
    private static final Feature CALL_LOG = new Feature(31, "Call log", CountingMode.PER_HOST, 30, 1);
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private final License trial = License.trial(null, PBX, LicenseSource.REGISTRATION, START);
    private final License paid = License.perpetual(null, CALL_LOG, 1, LicenseSource.COUPON, null, START);
    private final License term = License.term(null, PBX, 1, 1, LicenseSource.COUPON, null, START);

    @Test
    void paidWinsOverTrial() {
        assertEquals(HostStatus.LICENSED, HostStatus.of(List.of(trial, paid), false, START.plusSeconds(60)));
    }

    @Test
    void activeTrialAloneIsTrial() {
        assertEquals(HostStatus.TRIAL, HostStatus.of(List.of(trial), false, START.plusSeconds(60)));
    }

    @Test
    void endedLicensesSayWhatEnded() {
        Instant later = START.plus(Duration.ofDays(40));
        assertEquals(HostStatus.TRIAL_EXPIRED, HostStatus.of(List.of(trial), false, later));
        assertEquals(HostStatus.EXPIRED, HostStatus.of(List.of(trial, term), false, later));
    }

    @Test
    void aHostWithoutBindingsIsResetOnlyIfItHadOne() {
        assertEquals(HostStatus.BINDING_RESET, HostStatus.of(List.of(), true, START));
        assertEquals(HostStatus.NOT_LICENSED, HostStatus.of(List.of(), false, START));
    }

    @Test
    void paidLicensesComeBeforeTrialsAndLongerBeforeShorter() {
        var now = START.plusSeconds(60);
        var candidates = LicensePreference.candidates(List.of(trial, term, paid), now);
        assertEquals(List.of(paid, term, trial), candidates);
    }

    @Test
    void endedLicensesAreNoCandidates() {
        assertEquals(List.of(), LicensePreference.candidates(List.of(trial, term), START.plus(Duration.ofDays(40))));
    }
}
