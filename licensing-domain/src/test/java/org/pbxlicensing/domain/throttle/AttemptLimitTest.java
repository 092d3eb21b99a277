package org.pbxlicensing.domain.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptLimitTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:34:56Z");
    private final AttemptLimit limit = new AttemptLimit("reminder-email", 3, Duration.ofHours(1));

    @Test
    void theWindowStartsOnAWholeMinute() {
        assertEquals(Instant.parse("2026-11-27T11:34:00Z"), limit.windowStart(NOW));
    }

    @Test
    void theLimitIsReachedAtMaxAttempts() {
        assertFalse(limit.isExceededBy(2));
        assertTrue(limit.isExceededBy(3));
    }

    @Test
    void aClientMayTryAgainWhenItsOldestAttemptLeftTheWindow() {
        Instant oldest = Instant.parse("2026-11-27T12:00:00Z");
        assertEquals(Duration.ofMinutes(26).plusSeconds(4).getSeconds(), limit.retryAfterSeconds(oldest, NOW));
        assertEquals(1, limit.retryAfterSeconds(oldest, NOW.plus(Duration.ofHours(2))));
    }

    @Test
    void limitsAreSensible() {
        assertThrows(IllegalArgumentException.class, () -> new AttemptLimit("x", 0, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new AttemptLimit("x", 1, Duration.ofDays(2)));
        assertThrows(IllegalArgumentException.class, () -> new AttemptLimit(" ", 1, Duration.ofHours(1)));
    }
}
