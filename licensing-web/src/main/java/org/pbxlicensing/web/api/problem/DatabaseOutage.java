package org.pbxlicensing.web.api.problem;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
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
        if (ConflictRetryPolicy.isConflict(thrown)) {
            return true;
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        var pending = new ArrayDeque<Throwable>();
        pending.add(thrown);
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (isUnreachableDatabase(t)) {
                return true;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            Collections.addAll(pending, t.getSuppressed());
        }
        return false;
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
