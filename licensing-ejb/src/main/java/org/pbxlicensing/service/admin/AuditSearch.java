package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.audit.AuditEvent;

/** The audit log for staff, filtered by action, registration and actor type, a page at a time. */
@Stateless
@DeclareRoles({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
@RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
public class AuditSearch {

    private static final String MATCHES = """
            from AuditEvent e
            where (:action is null or e.action = :action)
              and (:registration is null or e.registrationId = :registration)
              and (:actorType is null or e.actorType = :actorType)""";

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    public record Filter(String action, Long registrationId, ActorType actorType) {
    }

    public long count(Filter filter) {
        return bind(em.createQuery("select count(e) " + MATCHES, Long.class), filter).getSingleResult();
    }

    public List<AuditEvent> page(Filter filter, int offset, int limit) {
        return bind(em.createQuery("select e " + MATCHES + " order by e.id desc", AuditEvent.class), filter)
                .setFirstResult(Math.max(offset, 0))
                .setMaxResults(Math.min(Math.max(limit, 1), 200))
                .getResultList();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Filter filter) {
        String action = filter.action() == null || filter.action().isBlank() ? null : filter.action().strip();
        return query.setParameter("action", action)
                .setParameter("registration", filter.registrationId())
                .setParameter("actorType", filter.actorType());
    }
}
