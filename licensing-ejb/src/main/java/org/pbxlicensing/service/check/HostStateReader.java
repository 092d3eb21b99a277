package org.pbxlicensing.service.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pbxlicensing.domain.binding.HostBinding;

/** Reads a {@link HostState} and the {@link StateVersions} it is kept with. */
@ApplicationScoped
public class HostStateReader {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /** The versions as committed now; a registration nothing was written for yet is at version 0. */
    public StateVersions versions(long registrationId) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT COALESCE(s.version, 0), c.version
                        FROM catalogue_state c LEFT JOIN registration_state s ON s.registration_id = ?1
                        WHERE c.id = 1""")
                .setParameter(1, registrationId)
                .getSingleResult();
        return new StateVersions(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /**
     * The host's state, read after {@code versions} (or inside the caller's transaction, with
     * {@code null} versions): a change committed in between makes the versions stale, never the state.
     */
    public HostState read(long registrationId, String hostId, StateVersions versions) {
        List<HostState.HeldLicense> held = held(registrationId, hostId);
        boolean released = held.isEmpty() && wasReleased(registrationId, hostId);
        return new HostState(versions, held, released, acceptedEulaVersions(registrationId));
    }

    /** The host's active bindings with their licenses and the seats taken of each, in one statement. */
    public List<HostState.HeldLicense> held(long registrationId, String hostId) {
        // Fetch joins, not an entity graph: Hibernate translates a query with a graph anew on every call.
        return em.createQuery("""
                        select b, (select count(x) from HostBinding x where x.license = l and x.releasedAt is null)
                        from HostBinding b join fetch b.license l join fetch l.feature
                        where b.registrationId = :registration and b.hostId = :host and b.releasedAt is null""",
                        Object[].class)
                .setParameter("registration", registrationId)
                .setParameter("host", hostId)
                .getResultList().stream()
                .map(row -> {
                    HostBinding binding = (HostBinding) row[0];
                    return new HostState.HeldLicense(binding.id(), binding.license(), (Long) row[1],
                            binding.lastSeenAt());
                })
                .toList();
    }

    private boolean wasReleased(long registrationId, String hostId) {
        return !em.createQuery("""
                        select b.id from HostBinding b
                        where b.registrationId = :registration and b.hostId = :host and b.releasedAt is not null""",
                        Long.class)
                .setParameter("registration", registrationId)
                .setParameter("host", hostId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private Set<Long> acceptedEulaVersions(long registrationId) {
        Set<Long> accepted = new HashSet<>();
        em.createNativeQuery("SELECT DISTINCT eula_version_id FROM eula_acceptance WHERE registration_id = ?1")
                .setParameter(1, registrationId)
                .getResultList()
                .forEach(id -> accepted.add(((Number) id).longValue()));
        return accepted;
    }
}
