package org.pbxlicensing.service.registration;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import org.pbxlicensing.domain.registration.RegistrationNumber;
import org.pbxlicensing.domain.throttle.AttemptLimit;
import org.pbxlicensing.domain.throttle.LimitedSubject;

/**
 * Serialises the claims on one registration (seats, trials, sessions) in the caller's transaction.
 * The lock is an {@code UPDATE} of the registration's row rather than {@code SELECT … FOR UPDATE}:
 * InnoDB locks the row the same way, and on a Galera cluster, where a lock stays on its member, the
 * write goes into the transaction's write set, so that two members claiming for one registration at
 * once conflict at certification (error 1213, and one of them is retried) instead of both committing.
 */
public final class RegistrationClaimLock {

    private RegistrationClaimLock() {
    }

    /**
     * Locks the registration of a number, unless the number is unknown or the client's failed guesses
     * reached their limit: one statement that looks the number up, asks the throttle and locks. The
     * client's count is read in the statement that finds the registration, so a client past the limit
     * is never told that a number exists.
     *
     * @param guesses the client's failed guesses and their limit; empty when guessing is not throttled
     * @return whether the registration was locked (false for an unknown number or a throttled client)
     */
    public static boolean lockUnlessThrottled(EntityManager em, RegistrationNumber number,
            Optional<LimitedSubject> guesses, Instant now) {
        if (guesses.isEmpty()) {
            return em.createNativeQuery("UPDATE registration SET claim_count = claim_count + 1 WHERE number = ?1")
                    .setParameter(1, number.value())
                    .executeUpdate() == 1;
        }
        AttemptLimit limit = guesses.get().limit();
        return em.createNativeQuery("""
                        UPDATE registration SET claim_count = claim_count + 1 WHERE number = ?1
                        AND (SELECT COALESCE(SUM(attempts), 0) FROM attempt_counter
                             WHERE bucket = ?2 AND subject = ?3 AND minute >= ?4) < ?5""")
                .setParameter(1, number.value())
                .setParameter(2, limit.bucket())
                .setParameter(3, guesses.get().subject())
                .setParameter(4, limit.windowStart(now))
                .setParameter(5, limit.maxAttempts())
                .executeUpdate() == 1;
    }

    public static void lock(EntityManager em, long registrationId) {
        em.createNativeQuery("UPDATE registration SET claim_count = claim_count + 1 WHERE id = ?1")
                .setParameter(1, registrationId)
                .executeUpdate();
    }
}
