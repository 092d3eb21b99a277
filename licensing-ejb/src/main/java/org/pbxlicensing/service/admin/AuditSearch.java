package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.service.coupon.CouponQueries;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.audit.AuditEvent;
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

    @Inject
    AuditSearchQueries queries;

    @Inject
    CouponQueries coupons;

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
        return queries.countOf(filter);
    }

    public List<AuditEvent> page(Filter filter, int offset, int limit) {
        return queries.eventsOf(filter, Math.max(offset, 0), Math.min(Math.max(limit, 1), 200));
    }

    /** The actions the log holds, for the filter's choice (a loose scan of the action index). */
    /**
     * The coupon as the log names it, if the typed code is one that was minted. The log keeps codes masked
     * (they are credentials).
     */
    public Optional<CouponRef> coupon(String typedCode) {
        Optional<CouponCode> code = new CouponCodeFormat(couponPrefix).tryParse(typedCode == null ? "" : typedCode);
        return code.flatMap(coupons::couponByCode)
                .map(c -> new CouponRef("coupon " + c.code().masked(), c.activatedRegistrationId()));
    }

    /** Every member of staff, also those disabled since, by name. */
    public List<String> staffUsers() {
        return queries.staffUserNames();
    }
}
