package org.pbxlicensing.service.session;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.session.LicenseSession;
import org.pbxlicensing.domain.session.SessionHolder;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.registration.RegistrationLookup;

/** The sessions tab of the session monitor (portal and admin): live sessions, their history, and drops by staff. */
@Stateless
public class SessionMonitor {

    public static final int MAX_DROP_REASON_LENGTH = SessionHolder.MAX_TEXT_LENGTH;

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    SessionQueries queries;

    @Inject
    RegistrationLookup registrations;

    @Inject
    AuditLog audit;

    @Inject
    ServerClock clock;

    /** Sessions of the registration that hold a seat now, oldest first. */
    public List<LicenseSession> liveSessions(String registrationNumber, String client) {
        return liveSessions(registrations.require(registrationNumber, client).id());
    }

    /** Sessions of the registration that hold a seat now, oldest first: the monitor's list and the seats it counts. */
    public List<LicenseSession> liveSessions(long registrationId) {
        return queries.liveSessionsOf(registrationId, clock.now());
    }

    /**
     * The registration's sessions, live and ended, newest first. A session that missed its heartbeat
     * may not be marked yet: {@link LicenseSession#endReasonAsOf} tells how it stands.
     */
    public List<LicenseSession> history(String registrationNumber, String client, int limit) {
        Registration registration = registrations.require(registrationNumber, client);
        return queries.sessionsOfNewestFirst(registration.id(), limit);
    }

    /**
     * Ends a live session on behalf of the vendor's staff; its client's next heartbeat is
     * {@code SESSION_NOT_FOUND}.
     *
     * @throws LicensingException {@code SESSION_NOT_FOUND} when no live session has the id
     */
    public void drop(long id, Actor staff, String reason) {
        if (reason == null || reason.isBlank()) {
            throw LicensingException.invalid("reason", FieldError.REQUIRED);
        }
        if (reason.length() > MAX_DROP_REASON_LENGTH) {
            throw LicensingException.invalid("reason", FieldError.TOO_LONG);
        }
        LicenseSession session = em.find(LicenseSession.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (session == null || !session.drop(staff, reason.strip(), clock.now())) {
            throw new LicensingException(Failure.SESSION_NOT_FOUND);
        }
        audit.recordForLicense(staff, "SESSION_DROPPED", session.registrationId(), session.license().id(),
                "session " + session.id(),
                "feature " + session.featureNumber() + ", holder " + session.holder().describe() + ", reason: "
                        + reason.strip());
    }
}
