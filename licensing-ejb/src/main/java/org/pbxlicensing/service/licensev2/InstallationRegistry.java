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
