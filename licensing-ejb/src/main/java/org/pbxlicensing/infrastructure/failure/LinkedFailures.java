package org.pbxlicensing.infrastructure.failure;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Searches every exception linked to a failure: its causes, its suppressed exceptions (a failed
 * commit hides the database's error there) and an {@link SQLException}'s next exceptions, each once.
 */
public final class LinkedFailures {

    private LinkedFailures() {
    }

    public static boolean anyMatches(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        var pending = new ArrayDeque<Throwable>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (test.test(next)) {
                return true;
            }
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            Collections.addAll(pending, next.getSuppressed());
        }
        return false;
    }
}
