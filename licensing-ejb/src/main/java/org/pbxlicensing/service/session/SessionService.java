package org.pbxlicensing.service.session;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.license.LicensePreference;
import org.pbxlicensing.domain.license.LicenseSource;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.session.LicenseSession;
import org.pbxlicensing.domain.session.SessionHolder;
import org.pbxlicensing.domain.session.SessionId;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.infrastructure.metrics.CountedOperation;
import org.pbxlicensing.infrastructure.metrics.CountedOutcome;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.catalog.FeatureCatalog;
import org.pbxlicensing.service.license.TrialService;
import org.pbxlicensing.service.registration.RegistrationClaimLock;
import org.pbxlicensing.service.registration.RegistrationLookup;

/**
 * Sessions as their clients see them: capture a seat of a per-session feature, heartbeat it,
 * release it. A capture locks the registration's row, like an activation, so that the seats of one
 * registration are counted one capture after the other on every node; a heartbeat touches only
 * its own session's row.
 */
@Stateless
public class SessionService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    SessionQueries queries;

    @Inject
    RegistrationLookup registrations;

    @Inject
    FeatureCatalog catalog;

    @Inject
    TrialService trials;

    @Inject
    SessionSeats seats;

    @Inject
    AuditLog audit;

    @Inject
    LicensingSettings settings;

    @Inject
    ServerClock clock;

    /**
     * Takes a free seat of a license of the feature for the holder: a paid license's before a
     * trial's, and a new trial's if the registration never had one.
     */
    @CountedOutcome(CountedOperation.SESSION_CAPTURE)
    public SessionLease capture(String registrationNumber, int featureNumber, SessionHolder holder, Actor actor) {
        Feature feature = sessionFeature(featureNumber);
        Registration registration = registrations.require(registrationNumber, actor.clientAddress());
        RegistrationClaimLock.lock(em, registration.id());
        Instant now = clock.now();

        License license = withFreeSeat(candidates(registration, feature, actor, now), now);
        if (!license.kind().isPaid() && holder.host() != null) {
            trials.claimForHost(holder.host(), feature, registration.id());
        }
        Duration ttl = settings.sessionTtl();
        var session = new LicenseSession(license, SessionId.generate(RANDOM), holder, actor.clientAddress(), now, ttl);
        em.persist(session);
        audit.recordForLicense(actor, "SESSION_CAPTURED", registration.id(), license.id(), "session " + session.id(),
                "feature " + feature.number() + ", license " + license.id() + " (" + license.kind() + "), "
                        + "holder " + holder.describe());
        return new SessionLease(session.sessionId(), ttl);
    }

    /**
     * Keeps a live session alive for another time to live: one conditional update of its row.
     *
     * @return the time to live, or empty when no live session has the id (unknown, ended, or it
     *     missed its heartbeat, in which case it is marked expired now)
     */
    public Optional<Duration> heartbeat(String sessionId) {
        Optional<SessionId> id = SessionId.tryParse(sessionId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.now();
        Duration ttl = settings.sessionTtl();
        if (queries.extendLive(id.get(), now, LicenseSession.expiryAfterHeartbeat(now, ttl))) {
            return Optional.of(ttl);
        }
        seats.expireIfStale(id.get(), now);
        return Optional.empty();
    }

    /** Frees the session's seat. Releasing an unknown or ended session changes nothing: a retry is harmless. */
    public void release(String sessionId, Actor actor) {
        Optional<LicenseSession> session = SessionId.tryParse(sessionId).flatMap(queries::lockedSession);
        if (session.isPresent() && session.get().release(clock.now())) {
            audit.recordForLicense(actor, "SESSION_RELEASED", session.get().registrationId(),
                    session.get().license().id(), "session " + session.get().id(),
                    "feature " + session.get().featureNumber());
        }
    }

    private Feature sessionFeature(int featureNumber) {
        Feature feature = catalog.find(featureNumber)
                .orElseThrow(() -> LicensingException.invalid("feature", FieldError.UNKNOWN_FEATURE));
        if (feature.countingMode() != CountingMode.PER_SESSION) {
            throw new LicensingException(Failure.NOT_LICENSED, Map.of("countingMode", feature.countingMode().name()));
        }
        return feature;
    }

    private List<License> candidates(Registration registration, Feature feature, Actor actor, Instant now) {
        List<License> candidates = LicensePreference.candidates(queries.licensesOf(registration, feature), now);
        if (!candidates.isEmpty()) {
            return candidates;
        }
        if (trials.hadTrial(registration, feature)) {
            throw new LicensingException(Failure.NOT_LICENSED);
        }
        return List.of(trials.startTrial(registration, feature, LicenseSource.CAPTURE, actor));
    }

    private License withFreeSeat(List<License> candidates, Instant now) {
        for (License candidate : candidates) {
            if (seats.hasFreeSeat(candidate, now)) {
                return candidate;
            }
        }
        throw new LicensingException(Failure.SEATS_EXHAUSTED);
    }
}
