package org.pbxlicensing.service.idempotency;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Runs a write at most once per idempotency key. The key is claimed by inserting its row in the
 * write's own transaction: a concurrent retry waits on that row's lock, then finds the committed
 * answer and replays it; if the first attempt rolled back, the retry does the work itself.
 */
@Stateless
public class IdempotentExecutor {

    static final Duration RETENTION = Duration.ofHours(24);

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    ServerClock clock;

    public StoredAnswer execute(IdempotentRequest request, Supplier<StoredAnswer> work) {
        if (!request.hasKey()) {
            return work.get();
        }
        var replay = claim(request);
        if (replay != null) {
            return replay;
        }
        var answer = work.get();
        em.createNativeQuery("""
                        UPDATE idempotency_record SET response_code = ?1, response_body = ?2
                        WHERE scope = ?3 AND idem_key = ?4""")
                .setParameter(1, answer.status())
                .setParameter(2, answer.body())
                .setParameter(3, request.scope())
                .setParameter(4, request.key())
                .executeUpdate();
        return answer;
    }

    /** @return the stored answer to replay, or null when this request now owns the key */
    private StoredAnswer claim(IdempotentRequest request) {
        var now = clock.now();
        if (insert(request, now) == 1) {
            return null;
        }
        // A key last used longer ago than the retention is free again; asked only when the key is taken.
        int expired = em.createNativeQuery(
                        "DELETE FROM idempotency_record WHERE scope = ?1 AND idem_key = ?2 AND created_at < ?3")
                .setParameter(1, request.scope())
                .setParameter(2, request.key())
                .setParameter(3, now.minus(RETENTION))
                .executeUpdate();
        if (expired == 1 && insert(request, now) == 1) {
            return null;
        }
        List<?> rows = em.createNativeQuery("""
                        SELECT request_hash, response_code, response_body FROM idempotency_record
                        WHERE scope = ?1 AND idem_key = ?2""")
                .setParameter(1, request.scope())
                .setParameter(2, request.key())
                .getResultList();
        Object[] row = (Object[]) rows.get(0);
        if (!request.requestDigest().equals(row[0])) {
            throw new LicensingException(Failure.IDEMPOTENCY_KEY_REUSED);
        }
        return new StoredAnswer(((Number) row[1]).intValue(), (String) row[2]);
    }

    private int insert(IdempotentRequest request, Instant now) {
        return em.createNativeQuery("""
                        INSERT IGNORE INTO idempotency_record (scope, idem_key, request_hash, created_at)
                        VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, request.scope())
                .setParameter(2, request.key())
                .setParameter(3, request.requestDigest())
                .setParameter(4, now)
                .executeUpdate();
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void forgetOldAnswers() {
        em.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < ?1")
                .setParameter(1, clock.now().minus(RETENTION))
                .executeUpdate();
    }
}
