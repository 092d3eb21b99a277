package org.pbxlicensing.service.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.pbxlicensing.domain.audit.AuditEvent;

/** The statements of the audit log's search: events by filter, and the names of staff for the filter's choice. */
@ApplicationScoped
public class AuditSearchQueries {

    private static final String MATCHES = """
            from AuditEvent e
            where (:action is null or e.action = :action)
              and (:registration is null or e.registrationId = :registration)
              and (:subject is null or (e.subject = :subject
                   and (e.registrationId is null or e.registrationId = :couponRegistration)))
              and (:staff is null or (e.actor = :staff and e.actorType = org.pbxlicensing.domain.audit.ActorType.ADMIN))
              and (:actorType is null or e.actorType = :actorType)
              and (:from is null or e.occurredAt >= :from)
              and (:until is null or e.occurredAt < :until)""";

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    public long countOf(AuditSearch.Filter filter) {
        return bind(em.createQuery("select count(e) " + MATCHES, Long.class), filter).getSingleResult();
    }

    /** A page of the events the filter finds, newest first. */
    public List<AuditEvent> eventsOf(AuditSearch.Filter filter, int offset, int limit) {
        return bind(em.createQuery("select e " + MATCHES + " order by e.id desc", AuditEvent.class), filter)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Every member of staff, also those disabled since, by name. */
    public List<String> staffUserNames() {
        return em.createQuery("select u.userName from StaffUser u order by u.userName", String.class).getResultList();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, AuditSearch.Filter filter) {
        return query.setParameter("action", blankAsNull(filter.action()))
                .setParameter("registration", filter.registrationId())
                .setParameter("subject", filter.coupon() == null ? null : filter.coupon().subject())
                .setParameter("couponRegistration", filter.coupon() == null ? null : filter.coupon().activatedRegistrationId())
                .setParameter("staff", blankAsNull(filter.staffUser()))
                .setParameter("actorType", filter.actorType())
                .setParameter("from", filter.from())
                .setParameter("until", filter.until());
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
