package org.pbxlicensing.service.license;

import org.pbxlicensing.service.event.LifecycleEvents;
import org.pbxlicensing.domain.event.LifecycleEvent;
import jakarta.enterprise.event.Event;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.license.LicenseSource;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.registration.RegistrationNumber;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;

/**
 * The trial rule: one trial per registration and feature, ever, and one per host and feature, ever,
 * whatever the registration. Both are claims on a primary key, so they hold under any concurrency
 * and on every node: of two racing claims the database lets exactly one in.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TrialService {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    LicenseQueries licenses;

    @Inject
    ServerClock clock;

    @Inject
    AuditLog audit;

    @Inject
    Event<LifecycleEvent> lifecycle;

    /** @throws LicensingException {@code TRIAL_ALREADY_USED} if the registration had a trial of the feature */
    public License startTrial(Registration registration, Feature feature, LicenseSource source, Actor actor) {
        return startTrial(registration.id(), registration.number(), feature, source, actor);
    }

    /**
     * As {@link #startTrial(Registration, Feature, LicenseSource, Actor)}, for a registration known by
     * its id and number, which is not loaded.
     *
     * @throws LicensingException {@code TRIAL_ALREADY_USED} if the registration had a trial of the feature
     */
    public License startTrial(long registrationId, RegistrationNumber number, Feature feature, LicenseSource source,
            Actor actor) {
        var now = clock.now();
        var trial = License.trial(em.getReference(Registration.class, registrationId), registrationId, feature, source,
                now);
        em.persist(trial);
        em.flush();
        if (!licenses.claimRegistrationTrial(registrationId, feature.number(), trial.id(), now)) {
            throw new LicensingException(Failure.TRIAL_ALREADY_USED);
        }
        audit.recordForLicense(actor, "TRIAL_STARTED", registrationId, trial.id(), "feature " + feature.number(),
                "license " + trial.id() + ", " + trial.seats() + " seat(s) until " + trial.endsAt());
        lifecycle.fire(LifecycleEvents.licenseCreated(number.value(), trial, now));
        return trial;
    }

    /**
     * Records that a host runs a trial of a feature under a registration.
     *
     * @throws LicensingException {@code TRIAL_ALREADY_USED} if the host had a trial of it under another registration
     */
    public void claimForHost(String hostId, Feature feature, long registrationId) {
        if (licenses.claimHostTrial(hostId, feature.number(), registrationId, clock.now())) {
            return;
        }
        List<?> owner = licenses.hostTrialRegistration(hostId, feature.number());
        if (owner.isEmpty() || ((Number) owner.get(0)).longValue() != registrationId) {
            throw new LicensingException(Failure.TRIAL_ALREADY_USED);
        }
    }

    /** The features the registration ever had a trial of (even an expired or revoked one). */
    public Set<Integer> triedFeatures(long registrationId) {
        return licenses.triedFeatures(registrationId);
    }

    /** Whether the registration ever had a trial of the feature (even an expired or revoked one). */
    public boolean hadTrial(Registration registration, Feature feature) {
        return licenses.hadTrial(registration.id(), feature.number());
    }
}
