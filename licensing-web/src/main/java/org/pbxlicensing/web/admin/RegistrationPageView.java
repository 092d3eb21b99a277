package org.pbxlicensing.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.pbxlicensing.domain.audit.AuditEvent;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.binding.ResetAllowance;
import org.pbxlicensing.domain.coupon.Coupon;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.mail.MailKind;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.session.LicenseSession;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.admin.RegistrationAdmin;

/**
 * One registration with everything on it; binding resets, session drops and mails again (support),
 * licenses by hand (admin).
 */
@Named
@ViewScoped
public class RegistrationPageView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RegistrationAdmin admin;

    @Inject
    Staff staff;

    @Inject
    transient ServerClock clock;

    private String number;
    private transient Registration registration;
    private transient List<License> licenses;
    private transient List<HostBinding> bindings;
    private transient Map<Long, ResetAllowance> resetAllowances;
    private transient List<LicenseSession> sessions;
    private String reason;
    private int grantFeature = 33;
    private int grantSeats = 1;
    private Integer grantMonths;

    public Registration getRegistration() {
        if (registration == null && number != null) {
            registration = admin.find(number).orElse(null);
        }
        return registration;
    }

    public List<License> getLicenses() {
        if (licenses == null) {
            licenses = admin.licenses(getRegistration().id());
        }
        return licenses;
    }

    public List<HostBinding> getBindings() {
        if (bindings == null) {
            bindings = admin.bindings(getRegistration().id());
        }
        return bindings;
    }

    /** Resets the license still allows its customer now, staff grants included. */
    public int resetsLeft(License license) {
        if (resetAllowances == null) {
            resetAllowances = admin.resetAllowances(getRegistration().id());
        }
        ResetAllowance allowance = resetAllowances.get(license.id());
        return allowance == null ? 0 : allowance.left();
    }

    public void grantReset(long licenseId) {
        if (!staff.may(StaffRole.SUPPORT)) {
            return;
        }
        try {
            admin.grantReset(licenseId, reason, staff.actor());
            AdminMessages.info("reset.granted");
            reason = null;
            resetAllowances = null;
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
    }

    public List<LicenseSession> getSessions() {
        if (sessions == null) {
            sessions = admin.sessions(getRegistration().id());
        }
        return sessions;
    }

    /** Whether the session still holds its seat, so that staff can drop it. */
    public boolean isLive(LicenseSession session) {
        return session.isLiveAt(clock.now());
    }

    public void dropSession(long sessionId) {
        if (!staff.may(StaffRole.SUPPORT)) {
            return;
        }
        try {
            admin.dropSession(getRegistration().id(), sessionId, reason, staff.actor());
            AdminMessages.info("session.dropped");
            reason = null;
            sessions = null;
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
    }

    public void resendWelcome() {
        resend(MailKind.WELCOME);
    }

    public void resendNumbers() {
        resend(MailKind.REGISTRATION_REMINDER);
    }

    private void resend(MailKind kind) {
        if (!staff.may(StaffRole.SUPPORT)) {
            return;
        }
        try {
            admin.resendMail(getRegistration().id(), kind, staff.actor());
            AdminMessages.info("mail.queued");
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
    }

    public List<Coupon> getCoupons() {
        return admin.coupons(getRegistration().id());
    }

    public List<AuditEvent> getAuditTrail() {
        return admin.auditTrail(getRegistration().id());
    }

    public void resetBinding(String hostId) {
        if (!staff.may(StaffRole.SUPPORT)) {
            return;
        }
        try {
            admin.resetBinding(getRegistration().id(), hostId, reason, staff.actor());
            AdminMessages.info("binding.reset.done");
            reason = null;
            licenses = null;
            bindings = null;
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
    }

    public void grantLicense() {
        if (!staff.may(StaffRole.ADMIN)) {
            return;
        }
        try {
            admin.grantLicense(getRegistration().id(), grantFeature, grantSeats, grantMonths, reason, staff.actor());
            AdminMessages.info("license.granted");
            reason = null;
            licenses = null;
            bindings = null;
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
    }

    public void revokeLicense(long licenseId) {
        if (!staff.may(StaffRole.ADMIN)) {
            return;
        }
        try {
            admin.revokeLicense(licenseId, reason, staff.actor());
            AdminMessages.info("license.revoked");
            reason = null;
            licenses = null;
            bindings = null;
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public int getGrantFeature() {
        return grantFeature;
    }

    public void setGrantFeature(int grantFeature) {
        this.grantFeature = grantFeature;
    }

    public int getGrantSeats() {
        return grantSeats;
    }

    public void setGrantSeats(int grantSeats) {
        this.grantSeats = grantSeats;
    }

    public Integer getGrantMonths() {
        return grantMonths;
    }

    public void setGrantMonths(Integer grantMonths) {
        this.grantMonths = grantMonths;
    }
}
