package org.pbxlicensing.service.outbox;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The claim protocol the two outboxes (mails, webhook deliveries) share. A row is due while it is
 * pending, its next attempt has come and no node holds it; a node takes it with a conditional update
 * that holds it for a lease, so that two nodes never send it together and the hold of a node that died
 * lapses. The outbox entity has {@code id}, {@code status}, {@code nextAttemptAt}, {@code claimedBy}
 * and {@code claimedUntil}.
 */
public final class OutboxClaim {

    private static final String DUE = "r.status = :pending and (r.nextAttemptAt is null or r.nextAttemptAt <= :now)"
            + " and (r.claimedUntil is null or r.claimedUntil < :now)";

    private OutboxClaim() {
    }

    /** The ids of the rows due at {@code now}, oldest first. */
    public static List<Long> dueIds(EntityManager em, Class<?> outbox, Enum<?> pending, Instant now, int limit) {
        return em.createQuery("select r.id from " + outbox.getSimpleName() + " r where " + DUE + " order by r.id",
                        Long.class)
                .setParameter("pending", pending)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Claims the row for the node until {@code until}, if it is due and, when {@code alsoWhen} is given,
     * that condition on the row {@code r} holds too.
     *
     * @return whether the node won it
     */
    public static boolean claim(EntityManager em, Class<?> outbox, Enum<?> pending, long id, String node,
            Instant until, Instant now, String alsoWhen) {
        return em.createQuery("update " + outbox.getSimpleName() + " r set r.claimedBy = :node, r.claimedUntil = :until"
                        + " where r.id = :id and " + DUE + (alsoWhen == null ? "" : " and " + alsoWhen))
                .setParameter("node", node)
                .setParameter("until", until)
                .setParameter("id", id)
                .setParameter("pending", pending)
                .setParameter("now", now)
                .executeUpdate() != 0;
    }
}
