package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.eula.EulaDraft;
import org.pbxlicensing.domain.eula.EulaVersion;
import org.pbxlicensing.service.eula.EulaService;

/** A feature's agreement versions for staff; admins publish a new one, which every registration must accept again. */
@Stateless
@DeclareRoles({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
@RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
public class EulaAdmin {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    EulaService eulas;

    public long count(int featureNumber) {
        return em.createQuery("select count(v) from EulaVersion v where v.featureNumber = :feature", Long.class)
                .setParameter("feature", featureNumber)
                .getSingleResult();
    }

    /** Newest first. */
    public List<EulaVersion> page(int featureNumber, int offset, int limit) {
        return em.createQuery("""
                        select v from EulaVersion v where v.featureNumber = :feature
                        order by v.publishedAt desc, v.id desc""", EulaVersion.class)
                .setParameter("feature", featureNumber)
                .setFirstResult(Math.max(offset, 0))
                .setMaxResults(Math.min(Math.max(limit, 1), 200))
                .getResultList();
    }

    @RolesAllowed(StaffRoles.ADMIN)
    public EulaVersion publish(EulaDraft draft, Actor staff) {
        return eulas.publish(draft, staff);
    }
}
