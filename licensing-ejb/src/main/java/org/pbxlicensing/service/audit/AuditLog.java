package org.pbxlicensing.service.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.AuditEvent;
import org.pbxlicensing.infrastructure.time.ServerClock;

/** Writes the audit trail in the transaction of the change it records, so both stand or fall together. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditLog {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    ServerClock clock;

    public void record(Actor actor, String action, Long registrationId, String subject, String details) {
        em.persist(new AuditEvent(clock.now(), actor, action, registrationId, subject, details));
    }

    /** Records a change of one license, which then appears in that license's history. */
    public void recordForLicense(Actor actor, String action, Long registrationId, long licenseId, String subject,
            String details) {
        em.persist(new AuditEvent(clock.now(), actor, action, registrationId, licenseId, subject, details));
    }
}
