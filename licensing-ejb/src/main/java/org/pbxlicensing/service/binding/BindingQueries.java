package org.pbxlicensing.service.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.catalog.CatalogueVersion;
import org.pbxlicensing.domain.eula.AcceptedVersion;
import org.pbxlicensing.domain.license.SeatsTaken;

/** The statements on hosts' bindings to licenses: what hosts hold, their seats, their release and sightings. */
@ApplicationScoped
public class BindingQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /** The host's active bindings with their licenses and the seats taken of each, in one statement. */
    public List<HeldSeat> heldSeats(long registrationId, String hostId) {
        // Fetch joins, not an entity graph: Hibernate translates a query with a graph anew on every call.
        return em.createQuery("select b, " + SeatsTaken.OF_LICENSE_L + " " + """
                        from HostBinding b join fetch b.license l join fetch l.feature
                        where b.registrationId = :registration and b.hostId = :host and b.releasedAt is null""",
                        Object[].class)
                .setParameter("registration", registrationId)
                .setParameter("host", hostId)
                .getResultList().stream()
                .map(row -> new HeldSeat((HostBinding) row[0], (Long) row[1]))
                .toList();
    }

    /**
     * A row per license of the registration: the license with its feature, the seats taken of it, the
     * host's active binding of it (or null), the agreement versions the registration accepted (comma
     * separated, or null) and the catalogue's version.
     */
    public List<Object[]> licensesWithHostBindings(long registrationId, String hostId) {
        return em.createQuery("select l, " + SeatsTaken.OF_LICENSE_L + ", b, " + AcceptedVersion.OF_LICENSE_L + ", "
                        + CatalogueVersion.NOW + """
                         from License l join fetch l.feature
                        left join HostBinding b on b.license.id = l.id and b.hostId = :host and b.releasedAt is null
                        where l.registrationId = :registration""", Object[].class)
                .setParameter("registration", registrationId)
                .setParameter("host", hostId)
                .getResultList();
    }

    /** The host's active bindings under the registration: of one feature, or of all when {@code feature} is null. */
    public List<HostBinding> activeBindingsOfHost(long registrationId, String hostId, Integer feature) {
        return em.createQuery("""
                        select b from HostBinding b
                        where b.registrationId = :registration and b.hostId = :host and b.releasedAt is null
                        and (:feature is null or b.featureNumber = :feature)""", HostBinding.class)
                .setParameter("registration", registrationId)
                .setParameter("host", hostId)
                .setParameter("feature", feature)
                .getResultList();
    }

    /** The registration's active bindings, oldest first. */
    public List<HostBinding> activeBindingsInBindingOrder(long registrationId) {
        return em.createQuery("""
                        select b from HostBinding b
                        where b.registrationId = :registration and b.releasedAt is null
                        order by b.boundAt, b.id""", HostBinding.class)
                .setParameter("registration", registrationId)
                .getResultList();
    }

    public long seatsTaken(long licenseId) {
        return em.createQuery("select s.taken from SeatsTaken s where s.licenseId = :license", Integer.class)
                .setParameter("license", licenseId)
                .getResultStream()
                .findFirst()
                .orElse(0);
    }

    /** Whether the host had a binding under the registration that was released. */
    public boolean anyReleased(long registrationId, String hostId) {
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

    /**
     * Unreleased bindings of the feature last seen no later than {@code silentSince}, longest silent first.
     *
     * @param registrationId only this registration's bindings, or all if null
     */
    public List<Long> silentBindingIds(int featureNumber, Instant silentSince, Long registrationId, int limit) {
        return em.createQuery("""
                        select b.id from HostBinding b
                        where b.featureNumber = :feature and b.releasedAt is null and b.lastSeenAt <= :silentSince
                        and (:everyRegistration = true or b.registrationId = :registration)
                        order by b.lastSeenAt, b.id""", Long.class)
                .setParameter("feature", featureNumber)
                .setParameter("silentSince", silentSince)
                .setParameter("everyRegistration", registrationId == null)
                .setParameter("registration", registrationId == null ? 0L : registrationId)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Releases the binding by the system if it is unreleased and still silent: of concurrent releases
     * exactly one changes the row.
     *
     * @return whether this call released it
     */
    public boolean releaseIfSilent(long bindingId, Instant now, String reason, Instant silentSince) {
        return em.createNativeQuery("""
                        UPDATE host_binding SET released_at = ?1, released_by = 'SYSTEM', release_reason = ?2
                        WHERE id = ?3 AND released_at IS NULL AND last_seen_at <= ?4""")
                .setParameter(1, now)
                .setParameter(2, reason)
                .setParameter(3, bindingId)
                .setParameter(4, silentSince)
                .executeUpdate() != 0;
    }

    /** Moves the bindings' {@code lastSeenAt} to {@code seenAt}, never back. */
    public void markSeen(Instant seenAt, Collection<Long> bindingIds) {
        em.createNativeQuery("""
                        UPDATE host_binding SET last_seen_at = :seenAt
                        WHERE id IN (:ids) AND last_seen_at < :seenAt""")
                .setParameter("seenAt", seenAt)
                .setParameter("ids", bindingIds)
                .executeUpdate();
    }
}
