package org.pbxlicensing.infrastructure.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConflictRetryPolicyTest {

    private final ConflictRetryPolicy policy = new ConflictRetryPolicy(3);

    private static SQLException deadlock() {
        return new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction",
                "40001", 1213);
    }

    @Test
    void aDeadlockDeepInsideTheContainersExceptionsIsRetried() {
        var failure = new IllegalStateException("transaction rolled back",
                new RuntimeException("could not execute statement", deadlock()));

        assertTrue(policy.shouldRetry(failure, 0, false));
    }

    @Test
    void aConflictReportedAtCommitAsASuppressedCauseIsRetried() {
        var commitFailure = new IllegalStateException("could not commit");
        commitFailure.addSuppressed(new RuntimeException("XA commit failed", deadlock()));

        assertTrue(policy.shouldRetry(commitFailure, 0, false));
    }

    @Test
    void aSerializationFailureWithAnotherCodeIsRetried() {
        assertTrue(policy.shouldRetry(new RuntimeException(new SQLException("conflict", "40001", 0)), 0, false));
    }

    @Test
    void aConflictFoundAsTheNextExceptionOfABatchIsRetried() {
        var batch = new SQLException("batch failed", "HY000", 1000);
        batch.setNextException(deadlock());

        assertTrue(policy.shouldRetry(new RuntimeException(batch), 0, false));
    }

    @Test
    void otherDatabaseErrorsAreNotRetried() {
        var duplicate = new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062);

        assertFalse(policy.shouldRetry(new RuntimeException(duplicate), 0, false));
        assertFalse(policy.shouldRetry(new IllegalArgumentException("no"), 0, false));
    }

    @Test
    void retriesAreBounded() {
        var failure = new RuntimeException(deadlock());

        assertTrue(policy.shouldRetry(failure, 2, false));
        assertFalse(policy.shouldRetry(failure, 3, false));
    }

    @Test
    void aCallInsideItsCallersTransactionLeavesTheRetryToTheCaller() {
        assertFalse(policy.shouldRetry(new RuntimeException(deadlock()), 0, true));
    }

    @Test
    void aConflictThatAnInnerCallGaveUpOnIsNotRetriedAgainOutside() {
        var failure = new RuntimeException(deadlock());

        assertSame(failure, ConflictRetryPolicy.giveUp(failure));
        assertFalse(policy.shouldRetry(failure, 0, false));
    }

    @Test
    void causeCyclesEndTheSearch() {
        var first = new RuntimeException("first");
        var second = new RuntimeException("second", first);
        first.initCause(second);

        assertFalse(ConflictRetryPolicy.isConflict(first));
    }

    @Test
    void thePauseBeforeARetryDoublesItsCeilingWithEveryRetryUpToOneSecond() {
        assertEquals(Duration.ofMillis(20), ConflictRetryPolicy.pauseBeforeRetry(0, bound -> bound - 1));
        assertEquals(Duration.ofMillis(40), ConflictRetryPolicy.pauseBeforeRetry(1, bound -> bound - 1));
        assertEquals(Duration.ofMillis(640), ConflictRetryPolicy.pauseBeforeRetry(5, bound -> bound - 1));
        assertEquals(Duration.ofSeconds(1), ConflictRetryPolicy.pauseBeforeRetry(6, bound -> bound - 1));
        assertEquals(Duration.ofSeconds(1), ConflictRetryPolicy.pauseBeforeRetry(40, bound -> bound - 1));
    }

    @Test
    void thePauseBeforeARetryIsNeverLessThanHalfItsCeiling() {
        assertEquals(Duration.ofMillis(10), ConflictRetryPolicy.pauseBeforeRetry(0, bound -> 0));
        assertEquals(Duration.ofMillis(500), ConflictRetryPolicy.pauseBeforeRetry(9, bound -> 0));
    }
}
