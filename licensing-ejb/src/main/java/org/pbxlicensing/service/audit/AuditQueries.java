package org.pbxlicensing.service.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.pbxlicensing.domain.audit.AuditEvent;

/** Reads of the audit trail of one registration or one of its licenses, newest first. */
@ApplicationScoped
public class AuditQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    public List<AuditEvent> trailOfRegistration(long registrationId, int limit) {
        return em.createQuery("select e from AuditEvent e where e.registrationId = :id"
                        + " order by e.occurredAt desc, e.id desc", AuditEvent.class)
                .setParameter("id", registrationId).setMaxResults(limit).getResultList();
    }

    public List<AuditEvent> trailOfLicense(long registrationId, long licenseId, int limit) {
        return em.createQuery("""
                        select e from AuditEvent e
                        where e.registrationId = :registration and e.licenseId = :license
                        order by e.occurredAt desc, e.id desc""", AuditEvent.class)
                .setParameter("registration", registrationId)
                .setParameter("license", licenseId)
                .setMaxResults(limit)
                .getResultList();
    }
}
