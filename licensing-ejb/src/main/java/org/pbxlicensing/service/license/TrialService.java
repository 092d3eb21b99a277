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
import java.util.stream.Collectors;
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
        int claimed = em.createNativeQuery("""
                        INSERT IGNORE INTO registration_trial (registration_id, feature_number, license_id, created_at)
                        VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, registrationId)
                .setParameter(2, feature.number())
                .setParameter(3, trial.id())
                .setParameter(4, now)
                .executeUpdate();
        if (claimed == 0) {
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
        int claimed = em.createNativeQuery("""
                        INSERT IGNORE INTO host_trial (host_id, feature_number, registration_id, created_at)
                        VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, hostId)
                .setParameter(2, feature.number())
                .setParameter(3, registrationId)
                .setParameter(4, clock.now())
                .executeUpdate();
        if (claimed == 1) {
            return;
        }
        List<?> owner = em.createNativeQuery(
                        "SELECT registration_id FROM host_trial WHERE host_id = ?1 AND feature_number = ?2")
                .setParameter(1, hostId)
                .setParameter(2, feature.number())
                .getResultList();
        if (owner.isEmpty() || ((Number) owner.get(0)).longValue() != registrationId) {
            throw new LicensingException(Failure.TRIAL_ALREADY_USED);
        }
    }

    /** The features the registration ever had a trial of (even an expired or revoked one). */
    public Set<Integer> triedFeatures(long registrationId) {
        List<?> rows = em.createNativeQuery("SELECT feature_number FROM registration_trial WHERE registration_id = ?1")
                .setParameter(1, registrationId)
                .getResultList();
        return rows.stream().map(row -> ((Number) row).intValue()).collect(Collectors.toSet());
    }

    /** Whether the registration ever had a trial of the feature (even an expired or revoked one). */
    public boolean hadTrial(Registration registration, Feature feature) {
        return !em.createNativeQuery(
                        "SELECT 1 FROM registration_trial WHERE registration_id = ?1 AND feature_number = ?2")
                .setParameter(1, registration.id())
                .setParameter(2, feature.number())
                .getResultList()
                .isEmpty();
    }
}
