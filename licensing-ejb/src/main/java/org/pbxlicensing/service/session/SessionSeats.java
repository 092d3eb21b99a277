package org.pbxlicensing.service.session;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.session.SessionId;
import org.pbxlicensing.service.registration.RegistrationClaimLock;

/**
 * Which sessions still hold a seat. Sessions that missed their heartbeat are marked expired (ended
 * at their expiry) only under their registration's lock, like every capture, so that no two
 * sweeps lock the same sessions in different orders.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SessionSeats {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    SessionQueries queries;

    /** Whether a seat of the license is free now. The caller holds the registration's lock. */
    public boolean hasFreeSeat(License license, Instant now) {
        queries.expireStaleOfLicense(license, now);
        return queries.unendedCountOf(license) < license.seats();
    }

    /** Live sessions of the registration per feature, for seat shares of LicenseV2 installations. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Integer, Long> liveByFeature(long registrationId, Instant now) {
        return queries.liveCountsByFeature(registrationId, now);
    }

    /** Marks one session expired if it missed its heartbeat; touches no other row. */
    public void expireIfStale(SessionId sessionId, Instant now) {
        queries.expireIfStale(sessionId, now);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> registrationsWithStaleSessions(Instant now, int limit) {
        return queries.registrationsWithStaleSessions(now, limit);
    }

    /** Marks the registration's stale sessions expired, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expireStaleSessions(long registrationId, Instant now) {
        RegistrationClaimLock.lock(em, registrationId);
        return queries.expireStaleOfRegistration(registrationId, now);
    }
}
