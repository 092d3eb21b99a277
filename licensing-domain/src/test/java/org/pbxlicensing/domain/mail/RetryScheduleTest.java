package org.pbxlicensing.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void theWaitDoublesFromFiveSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(5)), RetrySchedule.delayAfter(1));
        assertEquals(Optional.of(Duration.ofSeconds(10)), RetrySchedule.delayAfter(2));
        assertEquals(Optional.of(Duration.ofSeconds(80)), RetrySchedule.delayAfter(5));
    }

    @Test
    void theWaitNeverExceedsFifteenMinutes() {
        assertEquals(Optional.of(Duration.ofMinutes(15)), RetrySchedule.delayAfter(9));
        assertEquals(Optional.of(Duration.ofMinutes(15)), RetrySchedule.delayAfter(99));
    }

    @Test
    void aMailIsGivenUpAfterAboutADay() {
        assertTrue(RetrySchedule.delayAfter(RetrySchedule.MAX_ATTEMPTS).isEmpty());
        Duration total = Duration.ZERO;
        for (int failed = 1; failed < RetrySchedule.MAX_ATTEMPTS; failed++) {
            total = total.plus(RetrySchedule.delayAfter(failed).orElseThrow());
        }
        assertTrue(total.compareTo(Duration.ofHours(20)) > 0 && total.compareTo(Duration.ofHours(30)) < 0,
                "retried for " + total);
    }

    @Test
    void thereIsNoWaitBeforeTheFirstAttempt() {
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.delayAfter(0));
    }
}
