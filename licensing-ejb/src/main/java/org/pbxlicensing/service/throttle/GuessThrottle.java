package org.pbxlicensing.service.throttle;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Slows down guessing of registration numbers and coupons: a client with too many failed look-ups
 * in the last minutes is refused before any look-up, whatever it sends. Counts live in the
 * database so that every node of a cluster sees them.
 */
@Stateless
public class GuessThrottle {

    static final Duration WINDOW = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    ServerClock clock;

    @Inject
    @ConfigProperty(name = "licensing.throttle.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "licensing.throttle.max-failures", defaultValue = "20")
    int maxFailures;

    /** @throws LicensingException {@code TOO_MANY_ATTEMPTS}, with {@code retryAfterSeconds}, if the client must wait */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void requireAllowed(String client) {
        if (!enabled || client == null) {
            return;
        }
        Instant now = clock.now();
        Instant windowStart = now.minus(WINDOW).truncatedTo(ChronoUnit.MINUTES);
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT COALESCE(SUM(failures), 0), MIN(minute) FROM failed_lookup
                        WHERE client = ?1 AND minute >= ?2""")
                .setParameter(1, client)
                .setParameter(2, windowStart)
                .getSingleResult();
        if (((Number) row[0]).longValue() >= maxFailures) {
            Instant oldest = row[1] instanceof java.sql.Timestamp t ? t.toInstant()
                    : row[1] instanceof java.time.LocalDateTime l ? l.toInstant(java.time.ZoneOffset.UTC) : now;
            long retryAfter = Math.max(1, Duration.between(now, oldest.plus(WINDOW).plus(Duration.ofMinutes(1)))
                    .getSeconds());
            throw new LicensingException(Failure.TOO_MANY_ATTEMPTS, Map.of("retryAfterSeconds", retryAfter));
        }
    }

    /** Counted in a transaction of its own: the request's transaction rolls back with its refusal. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(String client) {
        if (!enabled || client == null) {
            return;
        }
        em.createNativeQuery("""
                        INSERT INTO failed_lookup (client, minute, failures) VALUES (?1, ?2, 1)
                        ON DUPLICATE KEY UPDATE failures = failures + 1""")
                .setParameter(1, client)
                .setParameter(2, clock.now().truncatedTo(ChronoUnit.MINUTES))
                .executeUpdate();
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void forgetOldFailures() {
        em.createNativeQuery("DELETE FROM failed_lookup WHERE minute < ?1")
                .setParameter(1, clock.now().minus(WINDOW.multipliedBy(2)))
                .executeUpdate();
    }
}
