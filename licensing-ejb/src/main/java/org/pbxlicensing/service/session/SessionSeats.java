package org.pbxlicensing.service.session;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.session.SessionEnd;
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

    /** Whether a seat of the license is free now. The caller holds the registration's lock. */
    public boolean hasFreeSeat(License license, Instant now) {
        em.createQuery("""
                        update LicenseSession s set s.endedAt = s.expiresAt, s.endReason = :expired
                        where s.license = :license and s.endedAt is null and s.expiresAt <= :now""")
                .setParameter("expired", SessionEnd.EXPIRED)
                .setParameter("license", license)
                .setParameter("now", now)
                .executeUpdate();
        long live = em.createQuery(
                        "select count(s) from LicenseSession s where s.license = :license and s.endedAt is null",
                        Long.class)
                .setParameter("license", license)
                .getSingleResult();
        return live < license.seats();
    }

    /** Live sessions of the registration per feature, for seat shares of LicenseV2 installations. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Integer, Long> liveByFeature(long registrationId, Instant now) {
        return em.createQuery("""
                        select s.featureNumber, count(s) from LicenseSession s
                        where s.registrationId = :registration and s.endedAt is null and s.expiresAt > :now
                        group by s.featureNumber""", Object[].class)
                .setParameter("registration", registrationId)
                .setParameter("now", now)
                .getResultStream()
                .collect(java.util.stream.Collectors.toMap(row -> (Integer) row[0], row -> (Long) row[1]));
    }

    /** Marks one session expired if it missed its heartbeat; touches no other row. */
    public void expireIfStale(SessionId sessionId, Instant now) {
        em.createQuery("""
                        update LicenseSession s set s.endedAt = s.expiresAt, s.endReason = :expired
                        where s.sessionId = :id and s.endedAt is null and s.expiresAt <= :now""")
                .setParameter("expired", SessionEnd.EXPIRED)
                .setParameter("id", sessionId.value())
                .setParameter("now", now)
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> registrationsWithStaleSessions(Instant now, int limit) {
        return em.createQuery("""
                        select distinct s.registrationId from LicenseSession s
                        where s.endedAt is null and s.expiresAt <= :now""", Long.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Marks the registration's stale sessions expired, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expireStaleSessions(long registrationId, Instant now) {
        RegistrationClaimLock.lock(em, registrationId);
        return em.createQuery("""
                        update LicenseSession s set s.endedAt = s.expiresAt, s.endReason = :expired
                        where s.registrationId = :registration and s.endedAt is null and s.expiresAt <= :now""")
                .setParameter("expired", SessionEnd.EXPIRED)
                .setParameter("registration", registrationId)
                .setParameter("now", now)
                .executeUpdate();
    }
}
