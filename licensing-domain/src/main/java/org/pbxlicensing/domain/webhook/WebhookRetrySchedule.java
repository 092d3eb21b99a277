package org.pbxlicensing.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a delivery is tried again after its endpoint failed: soon at first, then doubling up to
 * {@link #LONGEST_DELAY}, each wait spread by up to a quarter either way (jitter, so that the
 * retries of many events of one outage do not arrive together). A delivery is given up once a
 * failure comes {@link #RETRY_WINDOW} or more after the event: it was retried for at least that long.
 */
public final class WebhookRetrySchedule {

    public static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    public static final Duration LONGEST_DELAY = Duration.ofHours(1);
    public static final Duration RETRY_WINDOW = Duration.ofHours(24);
    static final double JITTER = 0.25;

    private WebhookRetrySchedule() {
    }

    /** The wait before the next attempt, without jitter. */
    public static Duration baseDelayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("no attempt has failed yet");
        }
        int doublings = Math.min(failedAttempts - 1, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }

    /**
     * The next attempt's time, or empty when the delivery is given up.
     *
     * @param random a number in [0, 1) that places the wait within its jitter
     */
    public static Optional<Instant> nextAttempt(Instant eventCreated, int failedAttempts, Instant failedAt,
            double random) {
        if (!failedAt.isBefore(eventCreated.plus(RETRY_WINDOW))) {
            return Optional.empty();
        }
        Duration base = baseDelayAfter(failedAttempts);
        double factor = 1 - JITTER + 2 * JITTER * random;
        return Optional.of(failedAt.plusMillis(Math.round(base.toMillis() * factor)));
    }
}
