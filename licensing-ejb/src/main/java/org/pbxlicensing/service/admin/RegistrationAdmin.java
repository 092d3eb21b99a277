package org.pbxlicensing.service.admin;

import org.pbxlicensing.service.event.LifecycleEvents;
import org.pbxlicensing.domain.event.LifecycleEvent;
import jakarta.enterprise.event.Event;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.AuditEvent;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.binding.ResetAllowance;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.coupon.Coupon;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.license.LicenseSource;
import org.pbxlicensing.domain.licensev2.Installation;
import org.pbxlicensing.domain.mail.MailKind;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.session.LicenseSession;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.audit.AuditQueries;
import org.pbxlicensing.service.coupon.CouponQueries;
import org.pbxlicensing.service.session.SessionQueries;
import org.pbxlicensing.service.binding.BindingService;
import org.pbxlicensing.service.binding.ResetQuotas;
import org.pbxlicensing.service.licensev2.EntitlementAnswer;
import org.pbxlicensing.service.licensev2.EntitlementService;
import org.pbxlicensing.service.licensev2.HolderDrops;
import org.pbxlicensing.service.licensev2.InstallationRegistry;
import org.pbxlicensing.service.mail.MailOutbox;
import org.pbxlicensing.service.session.SessionMonitor;
import org.pbxlicensing.service.registration.RegistrationLookup;

/**
 * A registration as staff see it, and what staff may change on it: bindings, sessions, holders,
 * mails and offline request files (support), licenses by hand (admin).
 */
@Stateless
@DeclareRoles({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
@RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
public class RegistrationAdmin {

    private static final int RECENT = 200;

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    RegistrationAdminQueries queries;

    @Inject
    SessionQueries sessions;

    @Inject
    CouponQueries coupons;

    @Inject
    AuditQueries auditTrail;

    @Inject
    RegistrationLookup lookup;

    @Inject
    BindingService bindings;

    @Inject
    AuditLog audit;

    @Inject
    ServerClock clock;

    @Inject
    MailOutbox outbox;

    @Inject
    SessionMonitor sessionMonitor;

    @Inject
    InstallationRegistry installations;

    @Inject
    HolderDrops holderDrops;

    @Inject
    EntitlementService entitlements;

    @Inject
    Event<LifecycleEvent> lifecycle;

    @Inject
    LicensingSettings settings;

    @Inject
    ResetQuotas quotas;

    public Optional<Registration> find(String typedNumber) {
        return settings.registrationNumbers().tryParse(typedNumber == null ? "" : typedNumber)
                .flatMap(lookup::find);
    }

    public List<License> licenses(long registrationId) {
        return queries.licensesOf(registrationId);
    }

    public List<HostBinding> bindings(long registrationId) {
        return queries.bindingsOfNewestFirst(registrationId, RECENT);
    }

    public List<LicenseSession> sessions(long registrationId) {
        return sessions.sessionsOfNewestFirst(registrationId, RECENT);
    }

    public List<Coupon> coupons(long registrationId) {
        return coupons.couponsActivatedBy(registrationId, RECENT);
    }

    public List<AuditEvent> auditTrail(long registrationId) {
        return auditTrail.trailOfRegistration(registrationId, RECENT);
    }

    /** The registration's MikoPBX installations with the holders each reported last, latest first. */
    public List<Installation> installations(long registrationId) {
        return installations.ofRegistration(registrationId);
    }

    /** Queues the welcome mail (its number) or the reminder (every number of its email) again. */
    @RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT})
    public void resendMail(long registrationId, MailKind kind, Actor staff) {
        Registration registration = em.find(Registration.class, registrationId);
        if (registration == null) {
            throw new LicensingException(Failure.REGISTRATION_NOT_FOUND);
        }
        var now = clock.now();
        outbox.queue(kind == MailKind.WELCOME ? OutboxMail.welcome(registration, now)
                : OutboxMail.registrationReminder(registration.email(), registration.language(), now));
        audit.record(staff, "MAIL_RESENT", registrationId, "registration " + registration.number().value(),
                kind.name());
    }

    /** Ends a live session of the registration; its client's next heartbeat is refused. */
    @RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT})
    public void dropSession(long registrationId, long sessionId, String reason, Actor staff) {
        LicenseSession session = em.find(LicenseSession.class, sessionId);
        if (session == null || session.registrationId() != registrationId) {
            throw new LicensingException(Failure.SESSION_NOT_FOUND);
        }
        sessionMonitor.drop(sessionId, staff, reason);
    }

    /** Drops a seat holder that an installation of the registration reported, in its next answer. */
    @RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT})
    public void dropHolder(long registrationId, String installId, String ref, String reason, Actor staff) {
        holderDrops.drop(registrationId, installId, ref, staff, StaffReason.require(reason));
    }

    /**
     * Answers an offline request file of the registration's own installation.
     *
     * @throws LicensingException {@code REGISTRATION_NOT_FOUND} when the file names another registration
     */
    @RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT})
    public EntitlementAnswer answerOffline(long registrationId, byte[] requestFile, Actor staff) {
        return entitlements.answerOfflineOf(registrationId, requestFile, staff);
    }

    @RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT})
    public int resetBinding(long registrationId, String hostId, String reason, Actor staff) {
        return bindings.resetHost(registrationId, hostId, staff, StaffReason.require(reason));
    }

    /** Resets each license of the registration still allows now, by license id (staff grants included). */
    public Map<Long, ResetAllowance> resetAllowances(long registrationId) {
        var now = clock.now();
        var allowances = new HashMap<Long, ResetAllowance>();
        licenses(registrationId).forEach(license -> allowances.put(license.id(), quotas.allowance(license, now)));
        return allowances;
    }

    /** One reset of the license beyond the customer's quota, for the next reset the quota refuses. */
    @RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT})
    public void grantReset(long licenseId, String reason, Actor staff) {
        String why = StaffReason.require(reason);
        License license = em.find(License.class, licenseId);
        if (license == null) {
            throw new LicensingException(Failure.NOT_FOUND);
        }
        quotas.grant(license, staff, why, clock.now());
    }

    @RolesAllowed(StaffRoles.ADMIN)
    public License grantLicense(long registrationId, int featureNumber, int seats, Integer termMonths,
            String reason, Actor staff) {
        String why = StaffReason.require(reason);
        Registration registration = em.find(Registration.class, registrationId);
        Feature feature = em.find(Feature.class, featureNumber);
        if (registration == null) {
            throw new LicensingException(Failure.REGISTRATION_NOT_FOUND);
        }
        if (feature == null) {
            throw LicensingException.invalid("feature", FieldError.UNKNOWN_FEATURE);
        }
        if (seats < 1 || seats > 10_000 || (termMonths != null && (termMonths < 1 || termMonths > 120))) {
            throw LicensingException.invalid("seats", FieldError.OUT_OF_RANGE);
        }
        var now = clock.now();
        String ref = "staff " + staff.name();
        License license = termMonths == null
                ? License.perpetual(registration, feature, seats, LicenseSource.STAFF, ref, now)
                : License.term(registration, feature, seats, termMonths, LicenseSource.STAFF, ref, now);
        em.persist(license);
        em.flush();
        audit.recordForLicense(staff, "LICENSE_GRANTED", registrationId, license.id(), "license " + license.id(),
                license.kind() + ", feature " + featureNumber + ", " + seats + " seat(s), reason: " + why);
        lifecycle.fire(LifecycleEvents.licenseCreated(registration.number().value(), license, now));
        return license;
    }

    @RolesAllowed(StaffRoles.ADMIN)
    public void revokeLicense(long licenseId, String reason, Actor staff) {
        String why = StaffReason.require(reason);
        License license = em.find(License.class, licenseId);
        if (license == null || license.revokedAt() != null) {
            throw new LicensingException(Failure.NOT_FOUND);
        }
        var now = clock.now();
        license.revoke(now);
        queries.activeBindingsOf(license).forEach(binding -> {
                    binding.release(staff.type(), "license revoked", now);
                    lifecycle.fire(LifecycleEvent.bindingReleased(license.registration().number().value(),
                            binding.hostId(), binding.featureNumber(), LifecycleEvents.releasedBy(staff.type()), now));
                });
        audit.recordForLicense(staff, "LICENSE_REVOKED", license.registrationId(), licenseId, "license " + licenseId,
                license.kind() + ", feature " + license.feature().number() + ", reason: " + why);
    }
}
