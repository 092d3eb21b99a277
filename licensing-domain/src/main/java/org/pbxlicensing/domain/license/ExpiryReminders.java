package org.pbxlicensing.domain.license;

import java.time.Duration;
import java.time.Instant;

/**
 * When the customer of a trial or term license hears of its end: a reminder once it has {@code ahead} or
 * less left, and a notice once it has ended. A notice is no longer due a week after the end, so that
 * a server that was stopped, or that starts sending notices for the first time, does not mail the
 * customers of licenses that ended long ago; a reminder is not due once the license has ended.
 */
public record ExpiryReminders(Duration ahead) {

    /** How long after a license's end its notice is still sent. */
    public static final Duration NOTICE_WINDOW = Duration.ofDays(7);

    public ExpiryReminders {
        if (ahead == null || ahead.isNegative() || ahead.isZero()) {
            throw new IllegalArgumentException("a reminder comes at least some time before the end");
        }
    }

    public static ExpiryReminders daysAhead(int days) {
        return new ExpiryReminders(Duration.ofDays(days));
    }

    public static boolean endsByTime(LicenseKind kind) {
        return kind == LicenseKind.TRIAL || kind == LicenseKind.TERM;
    }

    public boolean due(ExpiryNotice notice, LicenseKind kind, Instant endsAt, Instant now) {
        if (!endsByTime(kind) || endsAt == null) {
            return false;
        }
        return switch (notice) {
            case REMINDER -> now.isBefore(endsAt) && !endsAt.isAfter(now.plus(ahead));
            case END -> !now.isBefore(endsAt) && now.isBefore(endsAt.plus(NOTICE_WINDOW));
        };
    }

    /** Licenses whose end is after this (exclusive) may be due for the notice at {@code now}. */
    public Instant endsAfter(ExpiryNotice notice, Instant now) {
        return notice == ExpiryNotice.REMINDER ? now : now.minus(NOTICE_WINDOW);
    }

    /** Licenses whose end is at or before this (inclusive) may be due for the notice at {@code now}. */
    public Instant endsNoLaterThan(ExpiryNotice notice, Instant now) {
        return notice == ExpiryNotice.REMINDER ? now.plus(ahead) : now;
    }
}
