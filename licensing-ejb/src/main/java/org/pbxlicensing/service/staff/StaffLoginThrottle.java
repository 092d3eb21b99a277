package org.pbxlicensing.service.staff;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Slows down password guessing in the admin login: after too many wrong passwords for one user name
 * from one client address in the last minutes, that pair is refused even with the right password;
 * a client address that tries many user names is refused as a whole past a higher limit. Counted in
 * the database so that every node sees the same count, and a restart forgets nothing.
 */
@Stateless
public class StaffLoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    ServerClock clock;

    @Inject
    @ConfigProperty(name = "licensing.admin.max-failed-logins", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "licensing.admin.max-failed-logins-per-client", defaultValue = "20")
    int maxFailuresPerClient;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isBlocked(String userName, String client) {
        Object[] failures = (Object[]) em.createNativeQuery("""
                        SELECT COALESCE(SUM(CASE WHEN user_name = ?1 THEN failures ELSE 0 END), 0),
                               COALESCE(SUM(failures), 0)
                        FROM staff_login_failure WHERE client = ?2 AND minute >= ?3""")
                .setParameter(1, key(userName))
                .setParameter(2, key(client))
                .setParameter(3, clock.now().minus(WINDOW).truncatedTo(ChronoUnit.MINUTES))
                .getSingleResult();
        return ((Number) failures[0]).longValue() >= maxFailures
                || ((Number) failures[1]).longValue() >= maxFailuresPerClient;
    }

    /** How long a refused client should wait, at most: the window of counted failures. */
    public long retryAfterSeconds() {
        return WINDOW.toSeconds();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(String userName, String client) {
        em.createNativeQuery("""
                        INSERT INTO staff_login_failure (user_name, client, minute, failures) VALUES (?1, ?2, ?3, 1)
                        ON DUPLICATE KEY UPDATE failures = failures + 1""")
                .setParameter(1, key(userName))
                .setParameter(2, key(client))
                .setParameter(3, clock.now().truncatedTo(ChronoUnit.MINUTES))
                .executeUpdate();
    }

    @Schedule(minute = "*/15", hour = "*", persistent = false)
    void forgetOldFailures() {
        em.createNativeQuery("DELETE FROM staff_login_failure WHERE minute < ?1")
                .setParameter(1, clock.now().minus(WINDOW.multipliedBy(2)))
                .executeUpdate();
    }

    private static String key(String value) {
        String text = value == null ? "" : value;
        return text.length() <= 45 ? text : text.substring(0, 45);
    }
}
