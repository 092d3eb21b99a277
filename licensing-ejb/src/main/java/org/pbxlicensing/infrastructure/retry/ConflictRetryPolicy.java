package org.pbxlicensing.infrastructure.retry;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.LongUnaryOperator;
import org.pbxlicensing.infrastructure.failure.LinkedFailures;

/**
 * When a failed call is run again: only when the database aborted a whole transaction for a
 * conflict, only where that transaction began inside the call, and only a bounded number of times.
 */
public final class ConflictRetryPolicy {

    /** MariaDB's "Deadlock found when trying to get lock; try restarting transaction", also Galera's certification failure. */
    static final int DEADLOCK_ERROR = 1213;
    static final String SERIALIZATION_FAILURE = "40001";

    /** The longest pause before the first retry; each further retry may wait twice as long. */
    static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private final int maxRetries;

    public ConflictRetryPolicy(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /**
     * @param retriesSoFar      how often the call has been run again already
     * @param insideTransaction whether the call runs in a transaction of its caller, which the
     *                          conflict has doomed as a whole: only the caller can run it again
     */
    public boolean shouldRetry(Throwable failure, int retriesSoFar, boolean insideTransaction) {
        return !insideTransaction && retriesSoFar < maxRetries && isConflict(failure) && !givenUp(failure);
    }

    /**
     * How long to wait before the next run: a random share of a ceiling that doubles with every
     * retry (20 ms, 40 ms, … up to 1 s). Two Galera members whose transactions keep certifying against
     * each other then spread apart instead of meeting again at the same moment.
     *
     * @param randomBelow a source of random numbers in [0, bound)
     */
    public static Duration pauseBeforeRetry(int retriesSoFar, LongUnaryOperator randomBelow) {
        long ceiling = Math.min(LONGEST_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << Math.min(retriesSoFar, 16));
        return Duration.ofMillis(ceiling / 2 + randomBelow.applyAsLong(ceiling / 2 + 1));
    }

    /**
     * Marks a conflict that an inner call already retried as often as allowed, so that an outer
     * call does not multiply the attempts.
     */
    public static <T extends Throwable> T giveUp(T failure) {
        if (!givenUp(failure)) {
            failure.addSuppressed(new RetriesExhausted());
        }
        return failure;
    }

    /** Whether a database conflict is anywhere in the failure's causes (or suppressed exceptions). */
    public static boolean isConflict(Throwable failure) {
        return LinkedFailures.anyMatches(failure, linked -> linked instanceof SQLException sql
                && (sql.getErrorCode() == DEADLOCK_ERROR || SERIALIZATION_FAILURE.equals(sql.getSQLState())));
    }

    private static boolean givenUp(Throwable failure) {
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof RetriesExhausted) {
                return true;
            }
        }
        return false;
    }

    /** The mark of {@link #giveUp}. */
    static final class RetriesExhausted extends Exception {

        private static final long serialVersionUID = 1L;

        RetriesExhausted() {
            super("retried as often as allowed", null, false, false);
        }
    }
}
