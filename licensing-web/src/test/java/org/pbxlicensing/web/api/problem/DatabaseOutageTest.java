package org.pbxlicensing.web.api.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aConnectionLostDuringCommitIsAnOutageThoughTheCommitHidesItAsSuppressed() {
        var commit = new IllegalStateException("heuristic outcome");
        commit.addSuppressed(new RuntimeException("could not commit local transaction",
                new SQLNonTransientConnectionException("socket error")));

        assertTrue(DatabaseOutage.isCause(new RuntimeException(commit)));
    }

    @Test
    void aFailureWithoutTheDatabaseInItIsNot() {
        var failure = new IllegalStateException("bug");
        failure.addSuppressed(new IllegalArgumentException("another"));

        assertFalse(DatabaseOutage.isCause(new RuntimeException(failure)));
    }
}
