package org.pbxlicensing.service.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.license.SeatsTaken;

/** What a host holds under a registration: read by checks, and by activations under the registration's lock. */
@ApplicationScoped
public class HostHoldings {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /** The host's active bindings with their licenses and the seats taken of each, in one statement. */
    public List<HeldSeat> of(long registrationId, String hostId) {
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
}
