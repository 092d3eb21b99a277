package org.pbxlicensing.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.audit.AuditEvent;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.service.admin.AuditSearch;
import org.pbxlicensing.service.admin.RegistrationAdmin;
import org.primefaces.model.LazyDataModel;

/**
 * The audit log, newest first, filtered by registration number, coupon code, member of staff, action,
 * actor type and days (UTC, both included). What staff type is resolved here once; a number or code
 * that names nothing is said so and shows no rows.
 */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuditSearch audit;

    @Inject
    transient RegistrationAdmin registrations;

    private String registrationNumber;
    private String couponCode;
    private String staffUser;
    private String action;
    private ActorType actorType;
    private LocalDate from;
    private LocalDate to;
    /** The filter the table shows; none when what was typed names nothing. */
    private AuditSearch.Filter applied = new AuditSearch.Filter(null, null, null, null, null, null, null);

    private final LazyDataModel<AuditEvent> events = PagedQuery.of(
            () -> applied == null ? 0 : audit.count(applied),
            (offset, limit) -> applied == null ? List.of() : audit.page(applied, offset, limit),
            AuditEvent::id);

    public void filter() {
        applied = null;
        Long registrationId = null;
        if (present(registrationNumber)) {
            Optional<Registration> registration = registrations.find(registrationNumber);
            if (registration.isEmpty()) {
                AdminMessages.error("audit.unknownNumber");
                return;
            }
            registrationId = registration.get().id();
        }
        AuditSearch.CouponRef coupon = null;
        if (present(couponCode)) {
            Optional<AuditSearch.CouponRef> found = audit.coupon(couponCode);
            if (found.isEmpty()) {
                AdminMessages.error("audit.unknownCoupon");
                return;
            }
            coupon = found.get();
        }
        if (from != null && to != null && from.isAfter(to)) {
            AdminMessages.error("audit.fromAfterTo");
            return;
        }
        applied = new AuditSearch.Filter(action, registrationId, coupon, staffUser, actorType,
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    public List<String> getStaffUsers() {
        return audit.staffUsers();
    }

    public LazyDataModel<AuditEvent> getEvents() {
        return events;
    }

    public ActorType[] getActorTypes() {
        return ActorType.values();
    }

    public String getRegistrationNumber() {
        return registrationNumber;
    }

    public void setRegistrationNumber(String registrationNumber) {
        this.registrationNumber = registrationNumber;
    }

    public String getCouponCode() {
        return couponCode;
    }

    public void setCouponCode(String couponCode) {
        this.couponCode = couponCode;
    }

    public String getStaffUser() {
        return staffUser;
    }

    public void setStaffUser(String staffUser) {
        this.staffUser = staffUser;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public ActorType getActorType() {
        return actorType;
    }

    public void setActorType(ActorType actorType) {
        this.actorType = actorType;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
