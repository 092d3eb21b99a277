package org.pbxlicensing.service.throttle;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.throttle.AttemptLimit;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.infrastructure.metrics.CountedThrottling;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Counts attempts per bucket, subject and minute in the database, so that every node of a cluster
 * sees the same counts, and refuses a subject that reached its limit.
 */
@Stateless
public class AttemptCounter {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    ServerClock clock;

    @Inject
    LicensingSettings settings;

    /**
     * @throws LicensingException {@code TOO_MANY_ATTEMPTS}, with {@code retryAfterSeconds}, when the subject
     *     must wait
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @CountedThrottling
    public void requireBelow(AttemptLimit limit, String subject) {
        if (!settings.throttleEnabled() || subject == null) {
            return;
        }
        Instant now = clock.now();
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT COALESCE(SUM(attempts), 0), MIN(minute) FROM attempt_counter
                        WHERE bucket = ?1 AND subject = ?2 AND minute >= ?3""")
                .setParameter(1, limit.bucket())
                .setParameter(2, subject)
                .setParameter(3, limit.windowStart(now))
                .getSingleResult();
        if (limit.isExceededBy(((Number) row[0]).longValue())) {
            long retryAfter = limit.retryAfterSeconds(instant(row[1], now), now);
            throw new LicensingException(Failure.TOO_MANY_ATTEMPTS, Map.of("retryAfterSeconds", retryAfter));
        }
    }

    /** Counted in a transaction of its own: the request's transaction may roll back with its refusal. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AttemptLimit limit, String subject) {
        if (!settings.throttleEnabled() || subject == null) {
            return;
        }
        em.createNativeQuery("""
                        INSERT INTO attempt_counter (bucket, subject, minute, attempts) VALUES (?1, ?2, ?3, 1)
                        ON DUPLICATE KEY UPDATE attempts = attempts + 1""")
                .setParameter(1, limit.bucket())
                .setParameter(2, subject)
                .setParameter(3, clock.now().truncatedTo(ChronoUnit.MINUTES))
                .executeUpdate();
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void forgetOldAttempts() {
        em.createNativeQuery("DELETE FROM attempt_counter WHERE minute < ?1")
                .setParameter(1, clock.now().minus(AttemptLimit.LONGEST_WINDOW.multipliedBy(2)))
                .executeUpdate();
    }

    private static Instant instant(Object minute, Instant fallback) {
        if (minute instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (minute instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return fallback;
    }
}
