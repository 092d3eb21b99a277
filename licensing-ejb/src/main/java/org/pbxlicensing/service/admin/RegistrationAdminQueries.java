package org.pbxlicensing.service.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.license.License;

/** What staff read of a registration's licenses and host bindings. */
@ApplicationScoped
public class RegistrationAdminQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /** Every license of the registration, in any state, with its feature, oldest first. */
    public List<License> licensesOf(long registrationId) {
        return em.createQuery("select l from License l join fetch l.feature where l.registration.id = :id"
                        + " order by l.id", License.class)
                .setParameter("id", registrationId).getResultList();
    }

    /** The registration's bindings, released ones included, newest first. */
    public List<HostBinding> bindingsOfNewestFirst(long registrationId, int limit) {
        return em.createQuery("select b from HostBinding b where b.registrationId = :id"
                        + " order by b.id desc", HostBinding.class)
                .setParameter("id", registrationId).setMaxResults(limit).getResultList();
    }

    public List<HostBinding> activeBindingsOf(License license) {
        return em.createQuery("select b from HostBinding b where b.license = :license and b.releasedAt is null",
                        HostBinding.class)
                .setParameter("license", license)
                .getResultList();
    }
}
