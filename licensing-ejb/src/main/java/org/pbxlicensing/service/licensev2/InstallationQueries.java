package org.pbxlicensing.service.licensev2;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.binding.HostDetails;
import org.pbxlicensing.domain.licensev2.EntitlementRequest;
import org.pbxlicensing.domain.licensev2.FeatureUsage;
import org.pbxlicensing.domain.licensev2.Installation;
import org.pbxlicensing.domain.licensev2.InstallationState;
import org.pbxlicensing.domain.registration.RegistrationNumber;
import org.pbxlicensing.domain.throttle.LimitedSubject;

/**
 * The statements on LicenseV2 installations' rows and their stored usage, and the writes of an
 * installation's first request.
 */
@ApplicationScoped
public class InstallationQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /** Inserts the installation's row unless it has one. */
    public void insertIfAbsent(EntitlementRequest request, Long registrationId, Instant now) {
        em.createNativeQuery("""
                        INSERT IGNORE INTO licensev2_installation (install_id, pubkey, registration_id, host_id, state,
                        last_seq, first_seen_at, last_seen_at) VALUES (?1, ?2, ?3, ?4, 'ACTIVE', 0, ?5, ?5)""")
                .setParameter(1, request.install())
                .setParameter(2, request.pubkey())
                .setParameter(3, registrationId)
                .setParameter(4, request.hostId())
                .setParameter(5, now)
                .executeUpdate();
    }

    /** @return whether the installation's seq advanced to {@code seq} (false: a replay, or no row) */
    public boolean advanceSeq(String installId, Long seq) {
        return em.createNativeQuery(
                        "UPDATE licensev2_installation SET last_seq = ?1 WHERE install_id = ?2 AND last_seq < ?1")
                .setParameter(1, seq)
                .setParameter(2, installId)
                .executeUpdate() == 1;
    }

    /**
     * The replay guard's conditional update carrying what the request reports; absent fields keep what
     * was reported before.
     *
     * @return false when the request is a replay: nothing is written
     */
    public boolean recordPoll(EntitlementRequest request, String clientAddress, Instant now) {
        StringBuilder sql = new StringBuilder(
                "UPDATE licensev2_installation SET last_seq = ?1, last_seen_at = ?3");
        List<Object> values = new ArrayList<>(List.of(request.seq(), request.install(), now));
        set(sql, values, "client_address", clientAddress);
        if (request.held() != null) {
            set(sql, values, "last_held", request.held());
        }
        if (request.appId() != null || request.appVersion() != null) {
            set(sql, values, "app_id", request.appId());
            set(sql, values, "app_version", request.appVersion());
        }
        if (request.environment() != null) {
            set(sql, values, "environment", request.environment());
        }
        if (!request.fingerprint().isEmpty()) {
            set(sql, values, "fingerprint", String.join(",", request.fingerprint()));
        }
        if (request.v1Machine() != null) {
            set(sql, values, "v1_hostname", request.v1Machine().hostname());
            set(sql, values, "v1_cpuid", request.v1Machine().cpuid());
            set(sql, values, "v1_network", request.v1Machine().network());
        }
        if (request.usageGen() != null) {
            set(sql, values, "usage_gen", request.usageGen());
        }
        if (request.holders() != null) {
            set(sql, values, "holders", request.holders());
            set(sql, values, "holders_complete", request.holdersComplete() == null || request.holdersComplete());
        }
        if (request.metrics() != null) {
            set(sql, values, "metrics", request.metrics());
        }
        sql.append(" WHERE install_id = ?2 AND last_seq < ?1");
        var update = em.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            update.setParameter(i + 1, values.get(i));
        }
        return update.executeUpdate() == 1;
    }

    /**
     * Inserts the installation's row recording its first request, unless the row exists or one of the
     * licenses has no free seat or is revoked at {@code now}.
     *
     * @return whether the row was inserted
     */
    public boolean insertRecordedWhileSeatsFree(EntitlementRequest request, long registrationId, String clientAddress,
            Instant now, List<Long> licenses) {
        List<Object> values = new ArrayList<>();
        StringBuilder sql = insertOfRecorded(values, request, registrationId, clientAddress, now, ") SELECT ");
        sql.append(" FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM license l LEFT JOIN license_seats s ON s.license_id = l.id"
                + " WHERE l.id IN (");
        for (int i = 0; i < licenses.size(); i++) {
            values.add(licenses.get(i));
            sql.append(i == 0 ? "" : ", ").append('?').append(values.size());
        }
        values.add(now);
        sql.append(") AND (COALESCE(s.taken, 0) >= l.seats OR l.revoked_at <= ?").append(values.size()).append("))");
        return execute(sql, values) == 1;
    }

    /** Binds the host to each license with its feature, and records each binding's audit event: two statements. */
    public void bindAndAudit(HostDetails host, long registrationId, Actor actor, Instant now, List<Long> licenses,
            List<Integer> features, List<String> kinds) {
        StringBuilder bindings = new StringBuilder("INSERT INTO host_binding (license_id, registration_id,"
                + " feature_number, host_id, host_name, os, product_version, ip, bound_at, last_seen_at) VALUES ");
        List<Object> bound = new ArrayList<>();
        StringBuilder events = new StringBuilder("INSERT INTO audit_event (occurred_at, actor_type, actor, action,"
                + " registration_id, license_id, subject, details, client_address) VALUES ");
        List<Object> audited = new ArrayList<>();
        for (int i = 0; i < licenses.size(); i++) {
            bindings.append(i == 0 ? "(" : ", (");
            row(bindings, bound, licenses.get(i), registrationId, features.get(i), host.id(), host.name(), host.os(),
                    host.productVersion(), actor.clientAddress(), now, now);
            events.append(i == 0 ? "(" : ", (");
            row(events, audited, now, actor.type().name(), actor.name(), "HOST_BOUND", registrationId,
                    licenses.get(i), "host " + host.id(), "feature " + features.get(i) + ", license " + licenses.get(i) + " ("
                            + kinds.get(i) + ")", actor.clientAddress());
        }
        execute(bindings, bound);
        execute(events, audited);
    }

    /**
     * Inserts the installation's row recording its first request, unless the row exists.
     *
     * @return whether the row was inserted
     */
    public boolean insertRecorded(EntitlementRequest request, long registrationId, String clientAddress, Instant now) {
        List<Object> values = new ArrayList<>();
        StringBuilder sql = insertOfRecorded(values, request, registrationId, clientAddress, now, ") VALUES (");
        sql.append(')');
        return execute(sql, values) == 1;
    }

    /**
     * The insert of a new installation's row that records its first request, up to and with the
     * placeholders of its values, which it adds to {@code values}.
     */
    private static StringBuilder insertOfRecorded(List<Object> values, EntitlementRequest request,
            long registrationId, String clientAddress, Instant now, String beforeValues) {
        List<String> columns = new ArrayList<>();
        recorded(columns, values, request, registrationId, clientAddress, now);
        StringBuilder sql = new StringBuilder("INSERT IGNORE INTO licensev2_installation (")
                .append(String.join(", ", columns)).append(beforeValues);
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('?').append(i + 1);
        }
        return sql;
    }

    /** The columns and values of a new installation's row that records its first request. */
    private static void recorded(List<String> columns, List<Object> values, EntitlementRequest request,
            long registrationId, String clientAddress, Instant now) {
        columns.addAll(List.of("install_id", "pubkey", "registration_id", "host_id", "state", "last_seq",
                "first_seen_at", "last_seen_at"));
        values.addAll(List.of(request.install(), request.pubkey(), registrationId, request.hostId(),
                InstallationState.ACTIVE.name(), request.seq(), now, now));
        put(columns, values, "client_address", clientAddress);
        put(columns, values, "last_held", request.held());
        put(columns, values, "app_id", request.appId());
        put(columns, values, "app_version", request.appVersion());
        put(columns, values, "environment", request.environment());
        put(columns, values, "fingerprint", request.fingerprint().isEmpty() ? null
                : String.join(",", request.fingerprint()));
        if (request.v1Machine() != null) {
            put(columns, values, "v1_hostname", request.v1Machine().hostname());
            put(columns, values, "v1_cpuid", request.v1Machine().cpuid());
            put(columns, values, "v1_network", request.v1Machine().network());
        }
        put(columns, values, "usage_gen", request.usageGen());
        if (request.holders() != null) {
            put(columns, values, "holders", request.holders());
            put(columns, values, "holders_complete", request.holdersComplete() == null || request.holdersComplete());
        }
        put(columns, values, "metrics", request.metrics());
    }

    private static void put(List<String> columns, List<Object> values, String column, Object value) {
        if (value != null) {
            columns.add(column);
            values.add(value);
        }
    }

    /** Appends one row of values (NULL written as such) and its closing parenthesis. */
    private static void row(StringBuilder sql, List<Object> values, Object... row) {
        for (int i = 0; i < row.length; i++) {
            sql.append(i == 0 ? "" : ", ");
            if (row[i] == null) {
                sql.append("NULL");
            } else {
                values.add(row[i]);
                sql.append('?').append(values.size());
            }
        }
        sql.append(')');
    }

    private int execute(CharSequence sql, List<Object> values) {
        var statement = em.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            statement.setParameter(i + 1, values.get(i));
        }
        return statement.executeUpdate();
    }

    /** Seats of per-session features in use by the registration's other installations that may still run. */
    public Map<Integer, Long> seatsInUseByOthers(Long registrationId, String installId, Instant seenSince) {
        List<?> rows = em.createNativeQuery("""
                        SELECT u.feature_number, SUM(u.used) FROM licensev2_usage u
                        JOIN licensev2_installation i ON i.install_id = u.install_id
                        WHERE i.registration_id = ?1 AND i.install_id <> ?2 AND i.state = 'ACTIVE'
                        AND i.last_seen_at >= ?3
                        GROUP BY u.feature_number""")
                .setParameter(1, registrationId)
                .setParameter(2, installId)
                .setParameter(3, seenSince)
                .getResultList();
        Map<Integer, Long> used = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            used.put(((Number) columns[0]).intValue(), ((Number) columns[1]).longValue());
        }
        return used;
    }

    /** The installations of a registration, latest first: for the session monitor and the admin area. */
    public List<Installation> ofRegistration(Long registrationId) {
        return em.createQuery("""
                        select i from Installation i where i.registrationId = :registration
                        order by i.lastSeenAt desc""", Installation.class)
                .setParameter("registration", registrationId)
                .getResultList();
    }

    /** Called in the transaction of a reset: the installation's next request is refused, once. */
    public void markReset(Long registrationId, String hostId) {
        em.createNativeQuery("UPDATE licensev2_installation SET state = ?1 WHERE registration_id = ?2 AND host_id = ?3")
                .setParameter(1, InstallationState.RESET.name())
                .setParameter(2, registrationId)
                .setParameter(3, hostId)
                .executeUpdate();
    }

    /** A null value is written as SQL NULL without a parameter (its type is unknown to the driver). */
    private static void set(StringBuilder sql, List<Object> values, String column, Object value) {
        if (value == null) {
            sql.append(", ").append(column).append(" = NULL");
            return;
        }
        values.add(value);
        sql.append(", ").append(column).append(" = ?").append(values.size());
    }

    /**
     * Stores the installation's usage: one statement, after one that deletes the stored usage when it
     * is empty or features of {@code storedFeatures} are gone from it.
     */
    public void storeUsage(String installId, List<FeatureUsage> usage, Set<Integer> storedFeatures) {
        Set<Integer> reported = new HashSet<>();
        usage.forEach(feature -> reported.add(feature.feature()));
        if (usage.isEmpty() || !reported.containsAll(storedFeatures)) {
            deleteUsage(installId);
        }
        if (usage.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "INSERT INTO licensev2_usage (install_id, feature_number, used, peak, denied) VALUES ");
        List<Object> values = new ArrayList<>(List.of(installId));
        for (int i = 0; i < usage.size(); i++) {
            FeatureUsage feature = usage.get(i);
            int at = values.size();
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(at + 1).append(", ?").append(at + 2)
                    .append(", ?").append(at + 3).append(", ?").append(at + 4).append(")");
            values.addAll(List.of(feature.feature(), feature.used(), feature.peak(), feature.denied()));
        }
        sql.append(" ON DUPLICATE KEY UPDATE used = VALUES(used), peak = VALUES(peak), denied = VALUES(denied)");
        var insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        insert.executeUpdate();
    }

    /** Replaces the installation's stored usage: one statement to delete it, one per feature to insert. */
    public void replaceUsage(String installId, List<FeatureUsage> usage) {
        deleteUsage(installId);
        for (FeatureUsage feature : usage) {
            em.createNativeQuery("""
                            INSERT INTO licensev2_usage (install_id, feature_number, used, peak, denied)
                            VALUES (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, installId)
                    .setParameter(2, feature.feature())
                    .setParameter(3, feature.used())
                    .setParameter(4, feature.peak())
                    .setParameter(5, feature.denied())
                    .executeUpdate();
        }
    }

    private void deleteUsage(String installId) {
        em.createNativeQuery("DELETE FROM licensev2_usage WHERE install_id = ?1")
                .setParameter(1, installId)
                .executeUpdate();
    }

    /**
     * What a steady poll reads, in one statement: a row per license of the number's registration (one
     * row when it has none, or the number is unknown) with the registration's id, the guesser's failed
     * guesses and their oldest minute (null when guessing is not throttled), the installation's
     * registration and state, whether a holder drop waits, its own stored usage, the license and its
     * feature, the host's binding of it, the seats of a per-session feature that the registration's
     * other installations seen since {@code seenSince} and its native sessions use, the license's kind
     * and the seats taken of it.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> pollRows(EntitlementRequest request, RegistrationNumber number,
            Optional<LimitedSubject> guesser, Instant now, Instant seenSince) {
        return em.createNativeQuery("""
                        SELECT r.id AS registration, t.attempts, t.oldest, i.registration_id, i.state,
                          EXISTS (SELECT 1 FROM licensev2_holder_drop d
                                  WHERE d.install_id = ?1 AND d.delivered_at IS NULL) AS drops_waiting,
                          (SELECT GROUP_CONCAT(CONCAT(u.feature_number, ':', u.used, ':', u.peak, ':', u.denied)
                                  ORDER BY u.feature_number SEPARATOR ',')
                           FROM licensev2_usage u WHERE u.install_id = ?1) AS own_usage,
                          l.id, f.number, f.counting_mode, l.seats, l.starts_at, l.ends_at, l.revoked_at,
                          b.id, b.last_seen_at,
                          CASE WHEN f.counting_mode = 'PER_SESSION' THEN
                            (SELECT COALESCE(SUM(ou.used), 0) FROM licensev2_usage ou
                             JOIN licensev2_installation o ON o.install_id = ou.install_id
                             WHERE o.registration_id = r.id AND o.install_id <> ?1
                             AND o.state = 'ACTIVE' AND o.last_seen_at >= ?2 AND ou.feature_number = f.number)
                          END AS used_by_others,
                          CASE WHEN f.counting_mode = 'PER_SESSION' THEN
                            (SELECT COUNT(*) FROM license_session s
                             WHERE s.registration_id = r.id AND s.feature_number = f.number
                             AND s.ended_at IS NULL AND s.expires_at > ?3)
                          END AS native_sessions,
                          l.kind, COALESCE(ls.taken, 0) AS taken
                        FROM (SELECT 1 AS one) k
                        LEFT JOIN registration r ON r.number = ?4
                        LEFT JOIN (SELECT SUM(attempts) AS attempts, MIN(minute) AS oldest FROM attempt_counter
                                   WHERE bucket = ?6 AND subject = ?7 AND minute >= ?8) t ON 1 = 1
                        LEFT JOIN licensev2_installation i ON i.install_id = ?1
                        LEFT JOIN license l ON l.registration_id = r.id
                        LEFT JOIN feature f ON f.number = l.feature_number
                        LEFT JOIN license_seats ls ON ls.license_id = l.id
                        LEFT JOIN host_binding b ON b.license_id = l.id AND b.host_id = ?5
                          AND b.registration_id = r.id AND b.released_at IS NULL""")
                .setParameter(1, request.install())
                .setParameter(2, seenSince)
                .setParameter(3, now)
                .setParameter(4, number.value())
                .setParameter(5, request.hostId())
                // Without a throttle the guesses are not read: no bucket is NULL.
                .setParameter(6, guesser.map(subject -> subject.limit().bucket()).orElse(null))
                .setParameter(7, guesser.map(LimitedSubject::subject).orElse(null))
                .setParameter(8, guesser.map(subject -> subject.limit().windowStart(now)).orElse(now))
                .getResultList();
    }
}
