package org.pbxlicensing.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookRetryScheduleTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theWaitDoublesFromTwoSecondsUpToAnHour() {
        assertEquals(Duration.ofSeconds(2), WebhookRetrySchedule.baseDelayAfter(1));
        assertEquals(Duration.ofSeconds(4), WebhookRetrySchedule.baseDelayAfter(2));
        assertEquals(Duration.ofSeconds(8), WebhookRetrySchedule.baseDelayAfter(3));
        assertEquals(Duration.ofSeconds(1024), WebhookRetrySchedule.baseDelayAfter(10));
        assertEquals(Duration.ofHours(1), WebhookRetrySchedule.baseDelayAfter(12));
        assertEquals(Duration.ofHours(1), WebhookRetrySchedule.baseDelayAfter(500));
    }

    @Test
    void jitterSpreadsEachWaitByAQuarterEitherWay() {
        Instant failed = CREATED.plusSeconds(60);
        assertEquals(failed.plusMillis(6000), WebhookRetrySchedule.nextAttempt(CREATED, 3, failed, 0.0).orElseThrow());
        assertEquals(failed.plusMillis(8000), WebhookRetrySchedule.nextAttempt(CREATED, 3, failed, 0.5).orElseThrow());
        assertTrue(WebhookRetrySchedule.nextAttempt(CREATED, 3, failed, 0.999999).orElseThrow()
                .isBefore(failed.plusMillis(10_001)));
    }

    @Test
    void aDeliveryFailingAllTheTimeIsRetriedForADayThenGivenUp() {
        Instant now = CREATED;
        int attempts = 0;
        Optional<Instant> next = Optional.of(now);
        while (next.isPresent()) {
            now = next.get();
            attempts++;
            next = WebhookRetrySchedule.nextAttempt(CREATED, attempts, now, 0.0);
        }
        assertTrue(Duration.between(CREATED, now).compareTo(Duration.ofHours(24)) >= 0, "retried until " + now);
        assertTrue(Duration.between(CREATED, now).compareTo(Duration.ofHours(25)) < 0, "given up at " + now);
        assertTrue(attempts > 20 && attempts < 60, attempts + " attempts");
    }
}
