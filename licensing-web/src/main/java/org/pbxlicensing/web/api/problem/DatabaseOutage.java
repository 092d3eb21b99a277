package org.pbxlicensing.web.api.problem;

import java.sql.SQLTransientConnectionException;
import org.pbxlicensing.infrastructure.failure.LinkedFailures;
import org.pbxlicensing.infrastructure.retry.ConflictRetryPolicy;

/**
 * Recognises failures that mean the database cannot serve the request now: unreachable, or still
 * conflicting after the retries of {@code RetryOnConflict}. A 503, not a 500.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** Whether such a failure is among the causes or suppressed exceptions (a failed commit hides it there). */
    public static boolean isCause(Throwable thrown) {
        return ConflictRetryPolicy.isConflict(thrown)
                || LinkedFailures.anyMatches(thrown, DatabaseOutage::isUnreachableDatabase);
    }

    private static boolean isUnreachableDatabase(Throwable t) {
        String type = t.getClass().getName();
        return t instanceof SQLTransientConnectionException
                || type.equals("jakarta.resource.ResourceException")
                || type.endsWith("JDBCConnectionException")
                || type.endsWith("SQLNonTransientConnectionException")
                || type.endsWith("SQLTimeoutException")
                || type.endsWith("QueryTimeoutException")
                || type.endsWith("PessimisticLockException") && t.getMessage() != null
                        && t.getMessage().contains("timeout");
    }
}
