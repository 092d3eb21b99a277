package org.pbxlicensing.service.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.catalog.CatalogueVersion;
import org.pbxlicensing.domain.eula.AcceptedVersion;
import org.pbxlicensing.domain.license.License;
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

    /**
     * What an activation decides from, in one statement: every license of the registration with its
     * feature and the seats taken of it, the host's active binding of each, the agreement versions the
     * registration accepted and the catalogue's version (for the answer's agreements).
     */
    public RegistrationHoldings registration(long registrationId, String hostId) {
        Map<License, Long> seatsUsed = new LinkedHashMap<>();
        List<HeldSeat> held = new ArrayList<>();
        Set<Long> accepted = new HashSet<>();
        Long[] catalogueVersion = {null};
        em.createQuery("select l, " + SeatsTaken.OF_LICENSE_L + ", b, " + AcceptedVersion.OF_LICENSE_L + ", "
                        + CatalogueVersion.NOW + """
                         from License l join fetch l.feature
                        left join HostBinding b on b.license.id = l.id and b.hostId = :host and b.releasedAt is null
                        where l.registrationId = :registration""", Object[].class)
                .setParameter("registration", registrationId)
                .setParameter("host", hostId)
                .getResultList()
                .forEach(row -> {
                    License license = (License) row[0];
                    long seats = (Long) row[1];
                    seatsUsed.put(license, seats);
                    if (row[2] != null) {
                        held.add(new HeldSeat((HostBinding) row[2], seats));
                    }
                    if (row[3] != null && accepted.isEmpty()) {
                        Arrays.stream(row[3].toString().split(",")).map(Long::valueOf).forEach(accepted::add);
                    }
                    catalogueVersion[0] = ((Number) row[4]).longValue();
                });
        if (seatsUsed.isEmpty()) {
            // No license, so no row to carry the acceptances: a registration's first trial.
            accepted.addAll(acceptedEulaVersions(registrationId));
        }
        return new RegistrationHoldings(seatsUsed, held, accepted, catalogueVersion[0]);
    }

    private Set<Long> acceptedEulaVersions(long registrationId) {
        List<?> rows = em.createNativeQuery(
                        "SELECT DISTINCT eula_version_id FROM eula_acceptance WHERE registration_id = ?1")
                .setParameter(1, registrationId)
                .getResultList();
        Set<Long> accepted = new HashSet<>();
        rows.forEach(row -> accepted.add(((Number) row).longValue()));
        return accepted;
    }
}
