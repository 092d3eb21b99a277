package org.pbxlicensing.service.throttle;

import java.time.Instant;

/**
 * A client's failed look-ups within the guess throttle's window, as read by a statement that looked
 * something up for it: {@code oldestMinute} is null when none were counted.
 */
public record FailedGuesses(long attempts, Instant oldestMinute) {

    public static final FailedGuesses NONE = new FailedGuesses(0, null);

    /** A minute of {@code attempt_counter} as the driver returns it. */
    public static Instant minute(Object value, Instant fallback) {
        return AttemptCounter.instant(value, fallback);
    }
}
