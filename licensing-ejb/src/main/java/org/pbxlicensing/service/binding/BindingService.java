package org.pbxlicensing.service.binding;

import org.pbxlicensing.service.event.LifecycleEvents;
import org.pbxlicensing.domain.event.LifecycleEvent;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.binding.HostDetails;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.license.LicensePreference;
import org.pbxlicensing.domain.license.LicenseSource;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.infrastructure.metrics.CountedOperation;
import org.pbxlicensing.infrastructure.metrics.CountedOutcome;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.catalog.FeatureCatalog;
import org.pbxlicensing.service.license.TrialService;
import org.pbxlicensing.service.registration.RegistrationClaimLock;
import org.pbxlicensing.service.registration.RegistrationKey;
import org.pbxlicensing.service.registration.RegistrationLookup;

/**
 * Binds hosts to licenses and releases them. Every activation of a registration first locks the
 * registration's row, so that seat counts, trial starts and re-activations of one registration
 * happen one after the other, on any node, while other registrations go on in parallel.
 */
@Stateless
public class BindingService {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    RegistrationLookup registrations;

    @Inject
    HostHoldings holdings;

    @Inject
    FeatureCatalog catalog;

    @Inject
    TrialService trials;

    @Inject
    AuditLog audit;

    @Inject
    ServerClock clock;

    @Inject
    Event<BindingsReset> resets;

    @Inject
    ResetQuotas quotas;

    @Inject
    BindingQueries bindings;

    @Inject
    Event<LifecycleEvent> lifecycle;

    /**
     * Binds the host to a license of the feature: its existing binding if it has one, else a free
     * seat of a paid license, else of a trial, else a new trial if the registration never had one.
     * The registration is found and locked in one statement, which also asks the guess throttle.
     */
    @CountedOutcome(CountedOperation.ACTIVATION)
    public HostActivation activate(String registrationNumber, int featureNumber, HostDetails host, Actor actor) {
        RegistrationKey key = registrations.lockKey(registrationNumber, actor.clientAddress());
        return activateLocked(key, featureNumber, host, actor);
    }

    /**
     * As {@link #activate(String, int, HostDetails, Actor)}, for a registration its caller resolved
     * already (a LicenseV2 poll): it is locked by its id, and neither looked up nor throttled again.
     */
    @CountedOutcome(CountedOperation.ACTIVATION)
    public HostActivation activate(RegistrationKey registration, int featureNumber, HostDetails host, Actor actor) {
        RegistrationClaimLock.lock(em, registration.id());
        return activateLocked(registration, featureNumber, host, actor);
    }

    private HostActivation activateLocked(RegistrationKey key, int featureNumber, HostDetails host, Actor actor) {
        Instant now = clock.now();
        RegistrationHoldings holdings = this.holdings.registration(key.id(), host.id());
        // Read with the licenses when the registration holds one of the feature, else looked up now.
        Feature feature = hostFeature(featureNumber);

        List<HeldSeat> held = holdings.held();
        Optional<HeldSeat> existing = held.stream()
                .filter(seat -> seat.binding().featureNumber() == feature.number())
                .findFirst();
        if (existing.isPresent() && existing.get().binding().license().isActiveAt(now)) {
            existing.get().binding().refresh(host, actor.clientAddress(), now);
            return new HostActivation(key, existing.get().binding(), held, holdings.acceptedEulaVersions(),
                    holdings.catalogueVersion());
        }
        existing.ifPresent(ended -> ended.binding().release(actor.type(), "license ended", now));

        Map<License, Long> seatsUsed = holdings.seatsUsedOf(feature.number());
        List<License> candidates = LicensePreference.candidates(List.copyOf(seatsUsed.keySet()), now);
        if (candidates.isEmpty()) {
            // The trial's own claim refuses a second trial of the registration: no read before it.
            License trial = trials.startTrial(key.id(), key.number(), feature, LicenseSource.ACTIVATION, actor);
            seatsUsed.put(trial, 0L);
            candidates = List.of(trial);
        }
        License license = candidates.stream()
                .filter(candidate -> seatsUsed.get(candidate) < candidate.seats())
                .findFirst()
                .orElseThrow(() -> new LicensingException(Failure.SEATS_EXHAUSTED));
        if (!license.kind().isPaid()) {
            trials.claimForHost(host.id(), feature, key.id());
        }
        var binding = new HostBinding(license, host, actor.clientAddress(), now);
        em.persist(binding);
        audit.recordForLicense(actor, "HOST_BOUND", key.id(), license.id(), "host " + host.id(),
                "feature " + feature.number() + ", license " + license.id() + " (" + license.kind() + ")");
        lifecycle.fire(LifecycleEvent.bindingCreated(key.number().value(), host.id(), feature.number(), now));
        List<HeldSeat> heldNow = new ArrayList<>(held);
        existing.ifPresent(heldNow::remove);
        heldNow.add(new HeldSeat(binding, seatsUsed.get(license) + 1));
        return new HostActivation(key, binding, heldNow, holdings.acceptedEulaVersions(),
                holdings.catalogueVersion());
    }

    /**
     * Releases every binding of the host under the registration: its seats are free again. A
     * customer's reset spends one reset of each license's quota, or releases nothing.
     */
    public int reset(String registrationNumber, String hostId, Actor actor, String reason) {
        Registration registration = registrations.require(registrationNumber, actor.clientAddress());
        return release(registration, hostId, null, actor, reason);
    }

    /**
     * Releases every binding of the host under a registration already resolved (the admin area's
     * reset): neither looked up by its number again nor counted against the guess throttle.
     */
    public int resetHost(long registrationId, String hostId, Actor actor, String reason) {
        Registration registration = em.find(Registration.class, registrationId);
        if (registration == null) {
            throw new LicensingException(Failure.REGISTRATION_NOT_FOUND);
        }
        return release(registration, hostId, null, actor, reason);
    }

    /**
     * Releases the binding of one feature of the host (the portal's reset); the host's other
     * features stay bound.
     */
    public void resetFeature(long registrationId, String hostId, int feature, Actor actor, String reason) {
        release(em.find(Registration.class, registrationId), hostId, feature, actor, reason);
    }

    private int release(Registration registration, String hostId, Integer feature, Actor actor, String reason) {
        RegistrationClaimLock.lock(em, registration.id());
        List<HostBinding> bindings = this.bindings.activeBindingsOfHost(registration.id(), hostId, feature);
        if (bindings.isEmpty()) {
            throw new LicensingException(Failure.BINDING_NOT_FOUND);
        }
        Instant now = clock.now();
        quotas.spend(bindings.stream().map(HostBinding::license).toList(), hostId, actor, now);
        for (HostBinding binding : bindings) {
            binding.release(actor.type(), reason, now);
            audit.recordForLicense(actor, "BINDING_RESET", registration.id(), binding.license().id(), "host " + hostId,
                    "feature " + binding.featureNumber() + ", license " + binding.license().id()
                            + (reason == null ? "" : ", reason: " + reason));
            lifecycle.fire(LifecycleEvent.bindingReleased(registration.number().value(), hostId,
                    binding.featureNumber(), LifecycleEvents.releasedBy(actor.type()), now));
        }
        resets.fire(new BindingsReset(registration.id(), hostId));
        return bindings.size();
    }

    /** The registration's active bindings, for the portal's session monitor and the API. */
    public List<HostBinding> activeBindings(String registrationNumber, String client) {
        Registration registration = registrations.require(registrationNumber, client);
        return bindings.activeBindingsInBindingOrder(registration.id());
    }

    public long seatsUsed(License license) {
        return bindings.seatsTaken(license.id());
    }

    private Feature hostFeature(int featureNumber) {
        Feature feature = catalog.find(featureNumber)
                .orElseThrow(() -> LicensingException.invalid("feature", FieldError.UNKNOWN_FEATURE));
        if (feature.countingMode() != CountingMode.PER_HOST) {
            throw LicensingException.invalid("feature", "COUNTED_PER_SESSION");
        }
        return feature;
    }
}
