package org.pbxlicensing.service.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.pbxlicensing.domain.throttle.AttemptLimit;
import org.pbxlicensing.domain.throttle.LimitedSubject;

/** The statements a check reads a host's state with: its registration's versions, agreements and guesses. */
@ApplicationScoped
public class HostStateQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /**
     * Id, number, version, catalogue version and accepted agreement versions of the registrations
     * whose {@code column} holds one of {@code values}; then, for each guesser that failed a look-up
     * within its window, a row of its count, its subject and its oldest counted minute (column 6, empty
     * in the registrations' rows).
     */
    public List<Object[]> registrationRows(String column, List<?> values, List<LimitedSubject> guessers,
            Instant now) {
        // Few distinct statements for the database to keep prepared: the lists grow to a power of two.
        int size = Integer.highestOneBit(Math.max(1, values.size() * 2 - 1));
        List<Object> padded = new ArrayList<>(values);
        while (padded.size() < size) {
            padded.add(padded.get(0));
        }
        StringBuilder sql = new StringBuilder("""
                SELECT r.id, r.number, COALESCE(s.version, 0), c.version,
                    (SELECT GROUP_CONCAT(a.eula_version_id) FROM eula_acceptance a WHERE a.registration_id = r.id),
                    NULL
                FROM registration r JOIN catalogue_state c ON c.id = 1
                LEFT JOIN registration_state s ON s.registration_id = r.id
                WHERE r.""").append(column).append(" IN (").append(parameters(1, size)).append(')');
        List<Object> parameters = new ArrayList<>(padded);
        if (!guessers.isEmpty()) {
            AttemptLimit limit = guessers.get(0).limit();
            sql.append("""

                    UNION ALL
                    SELECT SUM(t.attempts), t.subject, NULL, NULL, NULL, MIN(t.minute) FROM attempt_counter t
                    WHERE t.bucket = ?""").append(size + 1).append(" AND t.minute >= ?").append(size + 2)
                    .append(" AND t.subject IN (").append(parameters(size + 3, size)).append(") GROUP BY t.subject");
            parameters.add(limit.bucket());
            parameters.add(limit.windowStart(now));
            for (int i = 0; i < size; i++) {
                parameters.add(guessers.get(Math.min(i, guessers.size() - 1)).subject());
            }
        }
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add((Object[]) row);
        }
        return rows;
    }

    private static String parameters(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(i -> "?" + i).collect(Collectors.joining(", "));
    }
}
