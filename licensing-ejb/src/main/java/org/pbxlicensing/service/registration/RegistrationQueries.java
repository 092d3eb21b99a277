package org.pbxlicensing.service.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.registration.RegistrationNumber;
import org.pbxlicensing.domain.throttle.LimitedSubject;

/** The statements on registrations and on the company each email belongs to. */
@ApplicationScoped
public class RegistrationQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /**
     * One row, whether the number is known or not: the id of the number's registration (or null), and
     * the guesser's failed look-ups since {@code windowStart} with the oldest minute they were counted in
     * (both null when there are none).
     */
    public Object[] idWithFailedGuesses(RegistrationNumber number, LimitedSubject guesser, Instant windowStart) {
        return (Object[]) em.createNativeQuery("""
                        SELECT r.id, t.attempts, t.oldest FROM (SELECT 1 AS one) k
                        LEFT JOIN registration r ON r.number = ?1
                        LEFT JOIN (SELECT SUM(attempts) AS attempts, MIN(minute) AS oldest FROM attempt_counter
                                   WHERE bucket = ?2 AND subject = ?3 AND minute >= ?4) t ON 1 = 1""")
                .setParameter(1, number.value())
                .setParameter(2, guesser.limit().bucket())
                .setParameter(3, guesser.subject())
                .setParameter(4, windowStart)
                .getSingleResult();
    }

    public Optional<Long> idOf(RegistrationNumber number) {
        return em.createQuery("select r.id from Registration r where r.number = :number", Long.class)
                .setParameter("number", number)
                .getResultStream()
                .findFirst();
    }

    public Optional<Registration> byNumber(RegistrationNumber number) {
        return em.createQuery("select r from Registration r where r.number = :number", Registration.class)
                .setParameter("number", number)
                .getResultStream()
                .findFirst();
    }

    /** Makes the company the email's owner unless the email has one: of racing claims one inserts. */
    public void claimEmailForCompany(String email, String companyKey, Instant now) {
        em.createNativeQuery("INSERT IGNORE INTO email_owner (email, company_key, created_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, email)
                .setParameter(2, companyKey)
                .setParameter(3, now)
                .executeUpdate();
    }

    /** The key of the company the email belongs to, if it is registered. */
    public Optional<String> companyOfEmail(String email) {
        return em.createNativeQuery("SELECT company_key FROM email_owner WHERE email = ?1")
                .setParameter(1, email)
                .getResultStream()
                .findFirst()
                .map(Object::toString);
    }
}
