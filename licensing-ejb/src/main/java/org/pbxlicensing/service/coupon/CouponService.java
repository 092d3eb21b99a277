package org.pbxlicensing.service.coupon;

import org.pbxlicensing.service.event.LifecycleEvents;
import org.pbxlicensing.domain.event.LifecycleEvent;
import jakarta.enterprise.event.Event;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.coupon.Coupon;
import org.pbxlicensing.domain.coupon.CouponCode;
import org.pbxlicensing.domain.coupon.CouponState;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.license.LicenseSource;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.infrastructure.metrics.CountedOperation;
import org.pbxlicensing.infrastructure.metrics.CountedOutcome;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.binding.BindingService;
import org.pbxlicensing.service.registration.RegistrationClaimLock;
import org.pbxlicensing.service.registration.RegistrationLookup;
import org.pbxlicensing.service.throttle.GuessThrottle;

/**
 * Activates coupons. A coupon is taken by one conditional update ({@code ISSUED → ACTIVATED});
 * of any number of concurrent attempts, on any node, the database lets exactly one through.
 */
@Stateless
public class CouponService {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    CouponQueries queries;

    @Inject
    RegistrationLookup registrations;

    @Inject
    BindingService bindings;

    @Inject
    GuessThrottle throttle;

    @Inject
    CouponMinter minter;

    @Inject
    AuditLog audit;

    @Inject
    Event<LifecycleEvent> lifecycle;

    @Inject
    ServerClock clock;

    public record Activation(CouponCode code, License license) {
    }

    @CountedOutcome(CountedOperation.COUPON_ACTIVATION)
    public Activation activate(String typedCode, String typedRegistrationNumber, Actor actor) {
        if (typedCode == null || typedCode.isBlank()) {
            throw LicensingException.invalid("coupon", FieldError.REQUIRED);
        }
        Coupon coupon = require(typedCode, actor.clientAddress());
        Registration registration = registrations.require(typedRegistrationNumber, actor.clientAddress());
        RegistrationClaimLock.lock(em, registration.id());

        Instant now = clock.now();
        if (!queries.takeIssued(coupon.id(), registration.id(), now, actor.clientAddress())) {
            throw refusal(coupon);
        }
        License license = paidLicense(coupon, registration, now);
        em.persist(license);
        em.flush();
        queries.linkLicense(coupon.id(), license.id());
        moveTrialHosts(registration, license);
        audit.recordForLicense(actor, "COUPON_ACTIVATED", registration.id(), license.id(), "coupon " + coupon.code().masked(),
                "license " + license.id() + ": " + license.kind() + ", feature " + coupon.feature() + ", "
                        + license.seats() + " seat(s)");
        String number = registration.number().value();
        lifecycle.fire(LifecycleEvent.couponActivated(number, license.feature().number(), license.kind().name(),
                license.seats(), license.endsAt(), now));
        lifecycle.fire(LifecycleEvents.licenseCreated(number, license, now));
        return new Activation(coupon.code(), license);
    }

    /** The registration an activated coupon was activated on: a coupon also logs a customer in. */
    public Optional<Long> registrationIdOf(String typedCode) {
        return minter.format().tryParse(typedCode)
                .flatMap(queries::couponByCode)
                .filter(coupon -> coupon.state() == CouponState.ACTIVATED)
                .map(Coupon::activatedRegistrationId);
    }

    /** Withdraws a coupon that was not activated yet. */
    public void revoke(String typedCode, Actor staff, String reason) {
        Coupon coupon = queries.couponByCode(minter.format().tryParse(typedCode).orElseThrow(
                () -> new LicensingException(Failure.COUPON_NOT_FOUND)))
                .orElseThrow(() -> new LicensingException(Failure.COUPON_NOT_FOUND));
        if (!queries.revokeIssued(coupon.id(), clock.now(), staff.name(), reason)) {
            throw refusal(coupon);
        }
        audit.record(staff, "COUPON_REVOKED", null, "coupon " + coupon.code().masked(), "reason: " + reason);
    }

    private Coupon require(String typedCode, String client) {
        return throttle.lookUp(client,
                        () -> minter.format().tryParse(typedCode).flatMap(queries::couponByCode).map(Coupon::id))
                .map(id -> em.find(Coupon.class, id))
                .orElseThrow(() -> new LicensingException(Failure.COUPON_NOT_FOUND));
    }

    /** Why a coupon cannot be taken, as of the latest committed state. */
    private LicensingException refusal(Coupon coupon) {
        em.refresh(coupon);
        if (coupon.state() == CouponState.REVOKED) {
            return new LicensingException(Failure.COUPON_REVOKED);
        }
        return new LicensingException(Failure.COUPON_ALREADY_ACTIVATED,
                Map.of("activatedAt", coupon.activatedAt().toString()));
    }

    private License paidLicense(Coupon coupon, Registration registration, Instant now) {
        Feature feature = em.find(Feature.class, coupon.feature());
        String source = "coupon " + coupon.id();
        return coupon.terms().isPerpetual()
                ? License.perpetual(registration, feature, coupon.seats(), LicenseSource.COUPON, source, now)
                : License.term(registration, feature, coupon.seats(), coupon.termMonths(), LicenseSource.COUPON,
                        source, now);
    }

    /** Hosts already running a trial of the feature go on with the paid license, while it has seats. */
    private void moveTrialHosts(Registration registration, License paid) {
        List<HostBinding> onTrial = queries.trialBindingsOf(registration.id(), paid.feature().number());
        long free = paid.seats() - bindings.seatsUsed(paid);
        for (HostBinding binding : onTrial.subList(0, (int) Math.min(free, onTrial.size()))) {
            binding.moveTo(paid);
        }
    }
}
