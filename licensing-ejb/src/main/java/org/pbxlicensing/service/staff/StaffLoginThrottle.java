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
 * from one client address in the last minutes, that pair is refused even with the right password.
 * Counted in the database so that every node sees the same count.
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

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isBlocked(String userName, String client) {
        Number failures = (Number) em.createNativeQuery("""
                        SELECT COALESCE(SUM(failures), 0) FROM staff_login_failure
                        WHERE user_name = ?1 AND client = ?2 AND minute >= ?3""")
                .setParameter(1, key(userName))
                .setParameter(2, key(client))
                .setParameter(3, clock.now().minus(WINDOW).truncatedTo(ChronoUnit.MINUTES))
                .getSingleResult();
        return failures.longValue() >= maxFailures;
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
