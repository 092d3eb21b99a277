package org.pbxlicensing.service.registration;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.pbxlicensing.domain.registration.SubmissionKey;
import org.pbxlicensing.infrastructure.time.DatabaseTimes;

/**
 * Claims a submission of the portal's registration form in the caller's transaction. The claim
 * writes the row of the submission's key, inserting it or counting one more submission, so that a
 * second identical form, whether it arrives a second later or at the same instant on another
 * thread or cluster member, waits for the first (or conflicts with it at certification on Galera)
 * and then reads the registration the first one made.
 */
final class SubmissionClaim {

    private SubmissionClaim() {
    }

    /** The registration that answers this submission, if one was made for its key within a day. */
    static Optional<Long> claim(EntityManager em, SubmissionKey key, Instant now) {
        em.createNativeQuery("""
                        INSERT INTO registration_submission (submission_key, submissions, last_submitted)
                        VALUES (?1, 1, ?2)
                        ON DUPLICATE KEY UPDATE submissions = submissions + 1, last_submitted = ?2""")
                .setParameter(1, key.value())
                .setParameter(2, now.truncatedTo(ChronoUnit.SECONDS))
                .executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT registration_id, registered_at FROM registration_submission
                        WHERE submission_key = ?1 FOR UPDATE""")
                .setParameter(1, key.value())
                .getSingleResult();
        if (row[0] == null || !SubmissionKey.repeats(DatabaseTimes.instant(row[1]), now)) {
            return Optional.empty();
        }
        return Optional.of(((Number) row[0]).longValue());
    }

    /** The registration this submission made, which answers the key's submissions for a day. */
    static void registered(EntityManager em, SubmissionKey key, long registrationId, Instant now) {
        em.createNativeQuery("""
                        UPDATE registration_submission SET registration_id = ?2, registered_at = ?3
                        WHERE submission_key = ?1""")
                .setParameter(1, key.value())
                .setParameter(2, registrationId)
                .setParameter(3, now.truncatedTo(ChronoUnit.SECONDS))
                .executeUpdate();
    }

}
