package org.pbxlicensing.service.licensev2;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.binding.HostDetails;
import org.pbxlicensing.domain.event.LifecycleEvent;
import org.pbxlicensing.domain.licensev2.EntitlementRequest;
import org.pbxlicensing.domain.licensev2.FeatureUsage;
import org.pbxlicensing.domain.licensev2.Installation;
import org.pbxlicensing.domain.licensev2.InstallationState;
import org.pbxlicensing.domain.licensev2.Purpose;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.registration.RegistrationClaimLock;
import org.pbxlicensing.service.registration.RegistrationKey;

/**
 * The installations' rows: what each last reported, and the replay guard. The guard is one
 * conditional update ({@code last_seq < seq}), so of racing requests with one seq, on any node,
 * exactly one passes; a replay leaves everything as it was.
 */
@Stateless
public class InstallationRegistry {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    ServerClock clock;

    @Inject
    Event<LifecycleEvent> lifecycle;

    /**
     * Creates the installation's row if it has none, in a transaction of its own: the shared lock an
     * ignored duplicate takes is gone before {@link #claim} locks the row to advance its seq, so
     * racing requests queue on that one lock instead of deadlocking on an upgrade.
     */
    public void createIfAbsent(EntitlementRequest request, Long registrationId) {
        Instant now = clock.now();
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

    /**
     * Records a request of an installation; {@link InstallationClaim#UNKNOWN} (nothing recorded) until
     * {@link #createIfAbsent} made its row, so that the usual request of a known installation writes
     * no more than its own row.
     */
    public InstallationClaim claim(EntitlementRequest request, Long registrationId, String clientAddress) {
        if (request.purpose() == Purpose.ONLINE && !advanceSeq(request)) {
            return em.find(Installation.class, request.install()) == null ? InstallationClaim.UNKNOWN
                    : InstallationClaim.REPLAY;
        }
        Installation installation = em.find(Installation.class, request.install());
        if (installation == null) {
            return InstallationClaim.UNKNOWN;
        }
        installation.record(request, registrationId, clientAddress, clock.now());
        if (request.usage() != null) {
            replaceUsage(request.install(), request.usage());
        }
        return installation.takePendingReset() ? InstallationClaim.RESET_PENDING : InstallationClaim.ACCEPTED;
    }

    /**
     * Records a poll of a known installation in one statement, the replay guard's conditional update
     * carrying what the request reports (absent fields keep what was reported before), and its usage
     * when it changed: one more statement, two when features it held before are gone and others held.
     *
     * @param usage the usage to store, or null when it did not change
     * @param storedFeatures the features of the usage stored so far
     * @return false when the request is a replay: nothing is written
     */
    public boolean recordSteady(EntitlementRequest request, String clientAddress, Instant now, List<FeatureUsage> usage,
            java.util.Set<Integer> storedFeatures) {
        StringBuilder sql = new StringBuilder(
                "UPDATE licensev2_installation SET last_seq = ?1, last_seen_at = ?3");
        List<Object> values = new java.util.ArrayList<>(List.of(request.seq(), request.install(), now));
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
        if (update.executeUpdate() != 1) {
            return false;
        }
        if (usage != null) {
            storeUsage(request.install(), usage, storedFeatures);
        }
        return true;
    }

    /**
     * Creates an installation at its first request together with its bindings, under the
     * registration's claim lock: the installation's row is written only while each license to bind
     * still has a free seat and is not revoked (read after the lock, so a seat taken by a claim that
     * held the lock before is seen), then the bindings and their audit events, one statement each, and
     * a {@code binding.created} event per binding, as any activation raises.
     *
     * @throws NotCreated when a seat went or the installation's row exists: the transaction rolls back
     */
    public void createBound(EntitlementRequest request, RegistrationKey registration, Actor actor, Instant now,
            List<Long> licenses, List<Integer> features, List<String> kinds) {
        long registrationId = registration.id();
        RegistrationClaimLock.lock(em, registrationId);
        List<String> columns = new java.util.ArrayList<>();
        List<Object> values = new java.util.ArrayList<>();
        recorded(columns, values, request, registrationId, actor.clientAddress(), now);
        StringBuilder sql = new StringBuilder("INSERT IGNORE INTO licensev2_installation (")
                .append(String.join(", ", columns)).append(") SELECT ");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('?').append(i + 1);
        }
        sql.append(" FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM license l LEFT JOIN license_seats s ON s.license_id = l.id"
                + " WHERE l.id IN (");
        for (int i = 0; i < licenses.size(); i++) {
            values.add(licenses.get(i));
            sql.append(i == 0 ? "" : ", ").append('?').append(values.size());
        }
        values.add(now);
        sql.append(") AND (COALESCE(s.taken, 0) >= l.seats OR l.revoked_at <= ?").append(values.size()).append("))");
        if (execute(sql, values) != 1) {
            throw new NotCreated();
        }
        HostDetails host = request.hostDetails();
        StringBuilder bindings = new StringBuilder("INSERT INTO host_binding (license_id, registration_id,"
                + " feature_number, host_id, host_name, os, product_version, ip, bound_at, last_seen_at) VALUES ");
        List<Object> bound = new java.util.ArrayList<>();
        StringBuilder events = new StringBuilder("INSERT INTO audit_event (occurred_at, actor_type, actor, action,"
                + " registration_id, license_id, subject, details, client_address) VALUES ");
        List<Object> audited = new java.util.ArrayList<>();
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
        features.forEach(feature -> lifecycle.fire(
                LifecycleEvent.bindingCreated(registration.number().value(), host.id(), feature, now)));
        if (request.usage() != null && !request.usage().isEmpty()) {
            storeUsage(request.install(), request.usage(), java.util.Set.of());
        }
    }

    /**
     * Creates the installation's row at its first request with that request recorded in it, as
     * {@link #claim} would record it: the claim of a new installation's request in one statement (two
     * when it reports usage), in a transaction of its own.
     *
     * @return false when the row exists already (a concurrent request made it): nothing is written, and
     *     the request is claimed as usual
     */
    public boolean createClaimed(EntitlementRequest request, long registrationId, String clientAddress) {
        List<String> columns = new java.util.ArrayList<>();
        List<Object> values = new java.util.ArrayList<>();
        recorded(columns, values, request, registrationId, clientAddress, clock.now());
        StringBuilder sql = new StringBuilder("INSERT IGNORE INTO licensev2_installation (")
                .append(String.join(", ", columns)).append(") VALUES (");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('?').append(i + 1);
        }
        sql.append(')');
        if (execute(sql, values) != 1) {
            return false;
        }
        if (request.usage() != null && !request.usage().isEmpty()) {
            storeUsage(request.install(), request.usage(), java.util.Set.of());
        }
        return true;
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

    /** The first request of an installation could not be answered in one go: the full path decides. */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static class NotCreated extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotCreated() {
            super(null, null, false, false);
        }
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

    private boolean advanceSeq(EntitlementRequest request) {
        return em.createNativeQuery(
                        "UPDATE licensev2_installation SET last_seq = ?1 WHERE install_id = ?2 AND last_seq < ?1")
                .setParameter(1, request.seq())
                .setParameter(2, request.install())
                .executeUpdate() == 1;
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

    private void storeUsage(String installId, List<FeatureUsage> usage, java.util.Set<Integer> storedFeatures) {
        java.util.Set<Integer> reported = new java.util.HashSet<>();
        usage.forEach(feature -> reported.add(feature.feature()));
        if (usage.isEmpty() || !reported.containsAll(storedFeatures)) {
            em.createNativeQuery("DELETE FROM licensev2_usage WHERE install_id = ?1")
                    .setParameter(1, installId)
                    .executeUpdate();
        }
        if (usage.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "INSERT INTO licensev2_usage (install_id, feature_number, used, peak, denied) VALUES ");
        List<Object> values = new java.util.ArrayList<>(List.of(installId));
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

    private void replaceUsage(String installId, List<FeatureUsage> usage) {
        em.createNativeQuery("DELETE FROM licensev2_usage WHERE install_id = ?1")
                .setParameter(1, installId)
                .executeUpdate();
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
}
