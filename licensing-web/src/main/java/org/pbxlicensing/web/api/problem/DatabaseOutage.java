package org.pbxlicensing.web.api.problem;

import java.sql.SQLTransientConnectionException;
import org.pbxlicensing.infrastructure.retry.ConflictRetryPolicy;

/**
 * Recognises failures that mean the database cannot serve the request now: unreachable, or still
 * conflicting after the retries of {@code RetryOnConflict}. A 503, not a 500.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable thrown) {
        if (ConflictRetryPolicy.isConflict(thrown)) {
            return true;
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            if (t instanceof SQLTransientConnectionException
                    || type.equals("jakarta.resource.ResourceException")
                    || type.endsWith("JDBCConnectionException")
                    || type.endsWith("SQLNonTransientConnectionException")
                    || type.endsWith("SQLTimeoutException")
                    || type.endsWith("QueryTimeoutException")
                    || type.endsWith("PessimisticLockException") && t.getMessage() != null
                            && t.getMessage().contains("timeout")) {
                return true;
            }
        }
        return false;
    }
}
