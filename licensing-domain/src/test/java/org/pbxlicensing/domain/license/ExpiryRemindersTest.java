package org.pbxlicensing.domain.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.domain.license.ExpiryNotice.END;
import static org.pbxlicensing.domain.license.ExpiryNotice.REMINDER;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiryRemindersTest {

    private static final Instant END_AT = Instant.parse("2026-12-31T10:00:00Z");
    private final ExpiryReminders threeDays = ExpiryReminders.daysAhead(3);

    private static Instant beforeEnd(Duration left) {
        return END_AT.minus(left);
    }

    @Test
    void aReminderIsDueFromThreeDaysBeforeTheEnd() {
        assertTrue(threeDays.due(REMINDER, LicenseKind.TRIAL, END_AT, beforeEnd(Duration.ofDays(3))));
        assertTrue(threeDays.due(REMINDER, LicenseKind.TERM, END_AT, beforeEnd(Duration.ofHours(1))));
    }

    @Test
    void aReminderIsNotDueEarlier() {
        assertFalse(threeDays.due(REMINDER, LicenseKind.TRIAL, END_AT, beforeEnd(Duration.ofDays(3).plusSeconds(1))));
    }

    @Test
    void aReminderIsNotDueOnceTheLicenseHasEnded() {
        assertFalse(threeDays.due(REMINDER, LicenseKind.TRIAL, END_AT, END_AT));
    }

    @Test
    void theEndNoticeIsDueFromTheEndForAWeek() {
        assertFalse(threeDays.due(END, LicenseKind.TRIAL, END_AT, END_AT.minusSeconds(1)));
        assertTrue(threeDays.due(END, LicenseKind.TRIAL, END_AT, END_AT));
        assertTrue(threeDays.due(END, LicenseKind.TERM, END_AT, END_AT.plus(Duration.ofDays(6))));
        assertFalse(threeDays.due(END, LicenseKind.TERM, END_AT, END_AT.plus(Duration.ofDays(7))));
    }

    @Test
    void aPerpetualLicenseHearsNothing() {
        assertFalse(threeDays.due(REMINDER, LicenseKind.PERPETUAL, null, END_AT));
        assertFalse(threeDays.due(END, LicenseKind.PERPETUAL, END_AT, END_AT));
    }

    @Test
    void theSweepsRangeOfEndsMatchesTheRule() {
        Instant now = beforeEnd(Duration.ofDays(2));
        assertEquals(now, threeDays.endsAfter(REMINDER, now));
        assertEquals(now.plus(Duration.ofDays(3)), threeDays.endsNoLaterThan(REMINDER, now));
        assertEquals(now.minus(Duration.ofDays(7)), threeDays.endsAfter(END, now));
        assertEquals(now, threeDays.endsNoLaterThan(END, now));
    }

    @Test
    void aReminderComesSomeTimeBeforeTheEnd() {
        assertThrows(IllegalArgumentException.class, () -> ExpiryReminders.daysAhead(0));
    }
}
