package org.pbxlicensing.service.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.license.License;

/** What the portal reads of a customer's own registration: its licenses and the hosts bound to them. */
@ApplicationScoped
public class PortalQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /** Every license of the registration, in any state. */
    public List<License> licensesOf(long registrationId) {
        return em.createQuery("select l from License l where l.registration.id = :registration", License.class)
                .setParameter("registration", registrationId)
                .getResultList();
    }

    /** The license, only if it belongs to the registration. */
    public Optional<License> licenseOf(long registrationId, long licenseId) {
        return em.createQuery("select l from License l where l.id = :id and l.registration.id = :registration",
                        License.class)
                .setParameter("id", licenseId)
                .setParameter("registration", registrationId)
                .getResultStream()
                .findFirst();
    }
}
