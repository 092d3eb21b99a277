package org.pbxlicensing.service.licensev2;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pbxlicensing.domain.licensev2.EntitlementRequest;
import org.pbxlicensing.domain.licensev2.FeatureUsage;
import org.pbxlicensing.domain.licensev2.Installation;
import org.pbxlicensing.domain.licensev2.InstallationState;
import org.pbxlicensing.domain.licensev2.Purpose;
import org.pbxlicensing.infrastructure.time.ServerClock;

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
                "UPDATE licensev2_installation SET last_seq = ?1, last_seen_at = ?3, client_address = ?4");
        List<Object> values = new java.util.ArrayList<>(List.of(request.seq(), request.install(), now));
        values.add(clientAddress);
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
