package org.pbxlicensing.domain.mail;

import java.time.Duration;
import java.util.Optional;

/**
 * When a mail is tried again after its SMTP server failed: soon at first, then less and less often
 * (doubling from {@link #FIRST_DELAY} up to {@link #LONGEST_DELAY}), for about a day in all.
 */
public final class RetrySchedule {

    public static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    public static final Duration LONGEST_DELAY = Duration.ofMinutes(15);
    public static final int MAX_ATTEMPTS = 100;

    private RetrySchedule() {
    }

    /** The wait before the next attempt, or empty when the mail is given up. */
    public static Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("no attempt has failed yet");
        }
        if (failedAttempts >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        int doublings = Math.min(failedAttempts - 1, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return Optional.of(delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay);
    }
}
