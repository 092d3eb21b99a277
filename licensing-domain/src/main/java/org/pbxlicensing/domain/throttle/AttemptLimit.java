package org.pbxlicensing.domain.throttle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;

/**
 * At most {@code maxAttempts} attempts of one subject (a client address, an email) within a sliding
 * window of whole minutes. Attempts are counted per minute; {@code bucket} names what is counted.
 */
public record AttemptLimit(String bucket, int maxAttempts, Duration window) {

    public static final int MAX_BUCKET_LENGTH = 32;
    public static final Duration LONGEST_WINDOW = Duration.ofDays(1);

    public AttemptLimit {
        if (bucket == null || bucket.isBlank() || bucket.length() > MAX_BUCKET_LENGTH) {
            throw new IllegalArgumentException("a bucket has a name of at most " + MAX_BUCKET_LENGTH + " characters");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is allowed");
        }
        if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("a window lasts from a minute to a day");
        }
    }

    /** This limit applied to one subject. */
    public LimitedSubject of(String subject) {
        return new LimitedSubject(this, subject);
    }

    /** The first minute whose attempts still count at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.minus(window).truncatedTo(ChronoUnit.MINUTES);
    }

    public boolean isExceededBy(long attempts) {
        return attempts >= maxAttempts;
    }

    /** The refusal of a subject that reached this limit, telling when to try again. */
    public LicensingException refusal(Instant oldestCountedMinute, Instant now) {
        return new LicensingException(Failure.TOO_MANY_ATTEMPTS,
                Map.of("retryAfterSeconds", retryAfterSeconds(oldestCountedMinute, now)));
    }

    /** Seconds until the oldest counted minute has left the window, at least one. */
    public long retryAfterSeconds(Instant oldestCountedMinute, Instant now) {
        Instant free = oldestCountedMinute.plus(window).plus(Duration.ofMinutes(1));
        return Math.max(1, Duration.between(now, free).getSeconds());
    }
}
