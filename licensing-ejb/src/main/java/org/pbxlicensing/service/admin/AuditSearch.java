package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.audit.AuditEvent;
import org.pbxlicensing.domain.coupon.Coupon;
import org.pbxlicensing.domain.coupon.CouponCode;
import org.pbxlicensing.domain.coupon.CouponCodeFormat;

/**
 * The audit log for staff, filtered by action, registration, subject (a coupon's masked code), member
 * of staff, actor type and time range, a page at a time. Each filter has an index that leads with it.
 */
@Stateless
@DeclareRoles({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
@RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
public class AuditSearch {

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

    @Inject
    @ConfigProperty(name = "licensing.coupon.prefix", defaultValue = "MIKOUPD")
    String couponPrefix;

    /**
     * What to show; null fields do not filter. {@code until} is exclusive.
     */
    public record Filter(String action, Long registrationId, CouponRef coupon, String staffUser, ActorType actorType,
            Instant from, Instant until) {
    }

    /**
     * A coupon as the log names it: its masked code, and the registration that activated it, which tells its
     * activation from that of another code with the same visible symbols.
     */
    public record CouponRef(String subject, Long activatedRegistrationId) {
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

    /** The actions the log holds, for the filter's choice (a loose scan of the action index). */
    /**
     * The coupon as the log names it, if the typed code is one that was minted. The log keeps codes masked
     * (they are credentials).
     */
    public Optional<CouponRef> coupon(String typedCode) {
        Optional<CouponCode> code = new CouponCodeFormat(couponPrefix).tryParse(typedCode == null ? "" : typedCode);
        return code.flatMap(c -> em.createQuery("select c from Coupon c where c.code = :code", Coupon.class)
                        .setParameter("code", c).getResultStream().findFirst())
                .map(c -> new CouponRef("coupon " + c.code().masked(), c.activatedRegistrationId()));
    }

    /** Every member of staff, also those disabled since, by name. */
    public List<String> staffUsers() {
        return em.createQuery("select u.userName from StaffUser u order by u.userName", String.class).getResultList();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Filter filter) {
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
