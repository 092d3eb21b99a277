package org.pbxlicensing.service.portal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.binding.ResetAllowance;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.binding.BindingQueries;
import org.pbxlicensing.service.binding.BindingService;
import org.pbxlicensing.service.binding.ResetQuotas;
import org.pbxlicensing.service.check.HostLicense;
import org.pbxlicensing.domain.eula.EulaAcceptance;
import org.pbxlicensing.domain.eula.EulaVersion;
import org.pbxlicensing.service.coupon.CouponService;
import org.pbxlicensing.service.eula.EulaService;
import org.pbxlicensing.service.registration.RegistrationKey;
import org.pbxlicensing.service.registration.RegistrationLookup;
import org.pbxlicensing.service.session.SessionMonitor;
import org.pbxlicensing.service.throttle.GuessThrottle;

/**
 * What a customer does in the portal. Every method takes the registration of the customer's own
 * session, never an id from a page, so a customer reaches nothing but their own registration.
 */
@Stateless
public class CustomerPortal {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    PortalQueries queries;

    @Inject
    BindingQueries bindingQueries;

    @Inject
    LicensingSettings settings;

    @Inject
    RegistrationLookup registrations;

    @Inject
    CouponService coupons;

    @Inject
    BindingService bindings;

    @Inject
    GuessThrottle throttle;

    @Inject
    EulaService eulas;

    @Inject
    AuditLog audit;

    @Inject
    ServerClock clock;

    @Inject
    ResetQuotas quotas;

    @Inject
    SessionMonitor sessions;

    /**
     * A customer logs in with a registration number or with a coupon activated on it.
     *
     * @throws LicensingException {@code REGISTRATION_NOT_FOUND} (also for a coupon not activated yet),
     *                            {@code TOO_MANY_ATTEMPTS} after too many misses from the client
     */
    public Registration login(String credential, String client) {
        if (credential == null || credential.isBlank()) {
            throw new LicensingException(Failure.REGISTRATION_NOT_FOUND);
        }
        Optional<Registration> registration = throttle.lookUp(client, () -> settings.registrationNumbers()
                        .tryParse(credential)
                        .flatMap(registrations::findKey)
                        .map(RegistrationKey::id)
                        .or(() -> coupons.registrationIdOf(credential)))
                .map(id -> em.find(Registration.class, id));
        if (registration.isEmpty()) {
            throw new LicensingException(Failure.REGISTRATION_NOT_FOUND);
        }
        audit.record(new Actor(org.pbxlicensing.domain.audit.ActorType.PORTAL, null, client), "PORTAL_LOGIN",
                registration.get().id(), registration.get().number().masked(), null);
        return registration.get();
    }

    public Registration registration(long registrationId) {
        return em.find(Registration.class, registrationId);
    }

    /**
     * The registration's licenses that are active now, with their seats in use counted from what the
     * session monitor shows: the host bindings, and the live sessions of per-session features.
     */
    public List<HostLicense> activeLicenses(long registrationId) {
        Instant now = clock.now();
        SeatFigures seats = SeatFigures.of(bindings(registrationId), sessions.liveSessions(registrationId));
        return queries.licensesOf(registrationId)
                .stream()
                .filter(license -> license.isActiveAt(now))
                .sorted(Comparator.comparing((License l) -> l.feature().number()).thenComparing(License::startsAt))
                .map(license -> new HostLicense(license, seats.usedOf(license)))
                .toList();
    }

    public List<HostBinding> bindings(long registrationId) {
        List<HostBinding> bindings = new ArrayList<>(bindingQueries.activeBindingsInBindingOrder(registrationId));
        bindings.sort(Comparator.comparingInt(HostBinding::featureNumber));
        return bindings;
    }

    /** Releases one binding (one host, one feature); the host's other features stay bound. */
    public void resetBinding(long registrationId, String hostId, int feature, Actor customer) {
        bindings.resetFeature(registrationId, hostId, feature, customer, "released by the customer in the portal");
    }

    /** How many resets each active license of the registration still allows, by license id. */
    public Map<Long, ResetAllowance> resetAllowances(long registrationId) {
        Instant now = clock.now();
        var allowances = new HashMap<Long, ResetAllowance>();
        activeLicenses(registrationId).forEach(held ->
                allowances.put(held.license().id(), quotas.allowance(held.license(), now)));
        return allowances;
    }

    /** Agreements the customer still has to accept for the features of the active licenses. */
    public List<EulaVersion> pendingAgreements(long registrationId) {
        return eulas.pendingFor(registration(registrationId), licensedFeatures(registrationId));
    }

    /**
     * The agreements in force for the features of the active licenses, each with whether the
     * registration accepted it; they stay readable after acceptance.
     */
    public List<CurrentAgreement> currentAgreements(long registrationId) {
        List<EulaVersion> current = eulas.currentFor(licensedFeatures(registrationId));
        Set<Long> accepted = eulas.acceptedOf(registrationId, current);
        return current.stream().map(version -> new CurrentAgreement(version, accepted.contains(version.id()))).toList();
    }

    /** Which versions of the agreements the registration accepted, when, and where. */
    public List<EulaAcceptance> agreementHistory(long registrationId) {
        return eulas.acceptancesOf(registrationId);
    }

    public void acceptAgreement(long registrationId, long versionId, Actor customer) {
        eulas.acceptInPortal(registration(registrationId), licensedFeatures(registrationId), versionId, customer);
    }

    private List<Integer> licensedFeatures(long registrationId) {
        return activeLicenses(registrationId).stream().map(l -> l.license().feature().number()).distinct().toList();
    }

    public CouponService.Activation activateCoupon(long registrationId, String coupon, Actor customer) {
        return coupons.activate(coupon, registration(registrationId).number().value(), customer);
    }
}
