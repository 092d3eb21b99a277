package org.pbxlicensing.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SilentHostReleaseTest {

    private static final Instant LAST_SEEN = Instant.parse("2026-11-27T12:00:00Z");
    private final SilentHostRelease week = new SilentHostRelease(7);

    private static Instant daysLater(long days) {
        return LAST_SEEN.plus(Duration.ofDays(days));
    }

    @Test
    void aHostSilentForTheFeaturesDaysIsSilent() {
        assertTrue(week.isSilent(LAST_SEEN, daysLater(7)));
        assertTrue(week.isSilent(LAST_SEEN, daysLater(8)));
    }

    @Test
    void aHostSilentForLessIsNot() {
        assertFalse(week.isSilent(LAST_SEEN, daysLater(6)));
        assertFalse(week.isSilent(LAST_SEEN, daysLater(7).minusSeconds(1)));
    }

    @Test
    void theReleaseComesTheDaysAfterTheLastContact() {
        assertEquals(daysLater(7), week.releaseAt(LAST_SEEN));
        assertEquals(LAST_SEEN, week.lastSeenNoLaterThan(daysLater(7)));
    }

    @Test
    void lessThanAWeekOfSilenceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SilentHostRelease(6));
        assertThrows(IllegalArgumentException.class, () -> new SilentHostRelease(0));
        assertFalse(SilentHostRelease.allowed(6));
        assertTrue(SilentHostRelease.allowed(7));
    }

    @Test
    void withoutTheSettingNothingIsReleased() {
        assertEquals(Optional.empty(), SilentHostRelease.of(null));
        assertEquals(Optional.of(week), SilentHostRelease.of(7));
    }
}
