package org.pbxlicensing.service.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.pbxlicensing.domain.binding.ResetGrant;

/** The statements on the resets counted against licenses' quotas and the resets staff granted. */
@ApplicationScoped
public class ResetQuotaQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /** When the license's hosts were reset after {@code windowStart}. */
    public List<Instant> resetTimesSince(long licenseId, Instant windowStart) {
        return em.createQuery("""
                        select r.resetAt from LicenseReset r
                        where r.licenseId = :license and r.resetAt > :windowStart""", Instant.class)
                .setParameter("license", licenseId)
                .setParameter("windowStart", windowStart)
                .getResultList();
    }

    /** The license's granted resets not spent yet, oldest first. */
    public List<ResetGrant> unspentGrants(long licenseId) {
        return em.createQuery("""
                        select g from ResetGrant g where g.licenseId = :license and g.spentAt is null
                        order by g.id""", ResetGrant.class)
                .setParameter("license", licenseId)
                .getResultList();
    }
}
