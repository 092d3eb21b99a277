package org.pbxlicensing.domain.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A feature's "release the bindings of hosts silent for N days": a binding whose host sent no check
 * or poll since {@code days} days frees its seat. At least a week, so that a PBX switched off over a
 * long weekend or a holiday keeps its seat.
 */
public record SilentHostRelease(int days) {

    public static final int MIN_DAYS = 7;
    public static final int MAX_DAYS = 3650;

    public SilentHostRelease {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new IllegalArgumentException("hosts are released after " + MIN_DAYS + " to " + MAX_DAYS
                    + " days of silence, not " + days);
        }
    }

    /** The feature's setting, if it has one (null: bindings are never released for silence). */
    public static Optional<SilentHostRelease> of(Integer days) {
        return days == null ? Optional.empty() : Optional.of(new SilentHostRelease(days));
    }

    public static boolean allowed(int days) {
        return days >= MIN_DAYS && days <= MAX_DAYS;
    }

    /** When a binding last seen at {@code lastSeenAt} is released if its host stays silent. */
    public Instant releaseAt(Instant lastSeenAt) {
        return lastSeenAt.plus(Duration.ofDays(days));
    }

    public boolean isSilent(Instant lastSeenAt, Instant now) {
        return !now.isBefore(releaseAt(lastSeenAt));
    }

    /** Bindings last seen at or before this are silent at {@code now}. */
    public Instant lastSeenNoLaterThan(Instant now) {
        return now.minus(Duration.ofDays(days));
    }
}
