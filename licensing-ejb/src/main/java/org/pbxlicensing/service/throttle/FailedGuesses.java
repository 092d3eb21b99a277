package org.pbxlicensing.service.throttle;

import java.time.Instant;

/**
 * A client's failed look-ups within the guess throttle's window, as read by a statement that looked
 * something up for it: {@code oldestMinute} is null when none were counted.
 */
public record FailedGuesses(long attempts, Instant oldestMinute) {

    public static final FailedGuesses NONE = new FailedGuesses(0, null);

    /** The sum and oldest minute of a client's {@code attempt_counter} rows, as a statement read them. */
    public static FailedGuesses of(Object attempts, Object oldestMinute, Instant now) {
        return attempts == null ? NONE : new FailedGuesses(((Number) attempts).longValue(), minute(oldestMinute, now));
    }

    /** A minute of {@code attempt_counter} as the driver returns it. */
    public static Instant minute(Object value, Instant fallback) {
        return AttemptCounter.instant(value, fallback);
    }
}
