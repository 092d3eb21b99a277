package org.pbxlicensing.service.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.pbxlicensing.domain.throttle.AttemptLimit;
import org.pbxlicensing.domain.throttle.LimitedSubject;

/** The statements on attempts counted per bucket, subject and minute, and on the subjects' rows. */
@ApplicationScoped
public class AttemptCounterQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /** Writes the subject's row, which an unchanged value would not do on a Galera member. */
    public void holdSubject(LimitedSubject subject, Instant now) {
        em.createNativeQuery("""
                        INSERT INTO attempt_subject (bucket, subject, attempts, last_attempt) VALUES (?1, ?2, 1, ?3)
                        ON DUPLICATE KEY UPDATE attempts = attempts + 1, last_attempt = ?3""")
                .setParameter(1, subject.limit().bucket())
                .setParameter(2, subject.subject())
                .setParameter(3, now.truncatedTo(ChronoUnit.SECONDS))
                .executeUpdate();
    }

    /** The subject's attempts within its limit's window (0 when none) and the oldest minute counted. */
    public Object[] attemptsInWindow(LimitedSubject subject, Instant now) {
        AttemptLimit limit = subject.limit();
        return (Object[]) em.createNativeQuery("""
                        SELECT COALESCE(SUM(attempts), 0), MIN(minute) FROM attempt_counter
                        WHERE bucket = ?1 AND subject = ?2 AND minute >= ?3""")
                .setParameter(1, limit.bucket())
                .setParameter(2, subject.subject())
                .setParameter(3, limit.windowStart(now))
                .getSingleResult();
    }

    /**
     * A row per subject with attempts within the limit's window: the subject, its attempts and the
     * oldest minute counted.
     */
    public List<?> attemptsInWindowBySubject(AttemptLimit limit, List<String> subjects, Instant now) {
        var query = em.createNativeQuery("""
                SELECT subject, SUM(attempts), MIN(minute) FROM attempt_counter
                WHERE bucket = ?1 AND minute >= ?2 AND subject IN (""" + IntStream.range(0, subjects.size())
                        .mapToObj(i -> "?" + (i + 3)).collect(Collectors.joining(", ")) + ") GROUP BY subject")
                .setParameter(1, limit.bucket())
                .setParameter(2, limit.windowStart(now));
        for (int i = 0; i < subjects.size(); i++) {
            query.setParameter(i + 3, subjects.get(i));
        }
        return query.getResultList();
    }

    public void countAttempt(LimitedSubject subject, Instant now) {
        em.createNativeQuery("""
                        INSERT INTO attempt_counter (bucket, subject, minute, attempts) VALUES (?1, ?2, ?3, 1)
                        ON DUPLICATE KEY UPDATE attempts = attempts + 1""")
                .setParameter(1, subject.limit().bucket())
                .setParameter(2, subject.subject())
                .setParameter(3, now.truncatedTo(ChronoUnit.MINUTES))
                .executeUpdate();
    }

    /** Deletes the counts of minutes and the subjects' rows older than {@code forgotten}. */
    public void forgetOlderThan(Instant forgotten) {
        em.createNativeQuery("DELETE FROM attempt_counter WHERE minute < ?1")
                .setParameter(1, forgotten)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM attempt_subject WHERE last_attempt < ?1")
                .setParameter(1, forgotten)
                .executeUpdate();
    }
}
