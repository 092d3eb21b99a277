package org.pbxlicensing.service.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.session.LicenseSession;
import org.pbxlicensing.domain.session.SessionEnd;
import org.pbxlicensing.domain.session.SessionId;

/** The statements on license sessions: seats held, heartbeats, expiry, and the monitor's lists. */
@ApplicationScoped
public class SessionQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /** Sessions of the registration that hold a seat now, oldest first. */
    public List<LicenseSession> liveSessionsOf(long registrationId, Instant now) {
        return em.createQuery("""
                        select s from LicenseSession s
                        where s.registrationId = :registration and s.endedAt is null and s.expiresAt > :now
                        order by s.startedAt, s.id""", LicenseSession.class)
                .setParameter("registration", registrationId)
                .setParameter("now", now)
                .getResultList();
    }

    /** The registration's sessions, live and ended, newest first. */
    public List<LicenseSession> sessionsOfNewestFirst(long registrationId, int limit) {
        return em.createQuery("""
                        select s from LicenseSession s where s.registrationId = :registration
                        order by s.startedAt desc, s.id desc""", LicenseSession.class)
                .setParameter("registration", registrationId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Live sessions of the registration per feature. */
    public Map<Integer, Long> liveCountsByFeature(long registrationId, Instant now) {
        return em.createQuery("""
                        select s.featureNumber, count(s) from LicenseSession s
                        where s.registrationId = :registration and s.endedAt is null and s.expiresAt > :now
                        group by s.featureNumber""", Object[].class)
                .setParameter("registration", registrationId)
                .setParameter("now", now)
                .getResultStream()
                .collect(Collectors.toMap(row -> (Integer) row[0], row -> (Long) row[1]));
    }

    /** Sessions of the license not ended yet, counting those that missed their heartbeat but are not marked. */
    public long unendedCountOf(License license) {
        return em.createQuery(
                        "select count(s) from LicenseSession s where s.license = :license and s.endedAt is null",
                        Long.class)
                .setParameter("license", license)
                .getSingleResult();
    }

    public List<Long> registrationsWithStaleSessions(Instant now, int limit) {
        return em.createQuery("""
                        select distinct s.registrationId from LicenseSession s
                        where s.endedAt is null and s.expiresAt <= :now""", Long.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The session with the id, its row locked until the transaction ends. */
    public Optional<LicenseSession> lockedSession(SessionId id) {
        return em.createQuery("select s from LicenseSession s where s.sessionId = :id", LicenseSession.class)
                .setParameter("id", id.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /**
     * Extends a live session that has not missed its heartbeat.
     *
     * @return whether it was extended
     */
    public boolean extendLive(SessionId id, Instant now, Instant expiry) {
        return em.createQuery("""
                        update LicenseSession s set s.lastHeartbeatAt = :now, s.expiresAt = :expiry
                        where s.sessionId = :id and s.endedAt is null and s.expiresAt > :now""")
                .setParameter("now", now)
                .setParameter("expiry", expiry)
                .setParameter("id", id.value())
                .executeUpdate() == 1;
    }

    /** Marks the license's sessions that missed their heartbeat expired, ended at their expiry. */
    public void expireStaleOfLicense(License license, Instant now) {
        em.createQuery("""
                        update LicenseSession s set s.endedAt = s.expiresAt, s.endReason = :expired
                        where s.license = :license and s.endedAt is null and s.expiresAt <= :now""")
                .setParameter("expired", SessionEnd.EXPIRED)
                .setParameter("license", license)
                .setParameter("now", now)
                .executeUpdate();
    }

    public void expireIfStale(SessionId sessionId, Instant now) {
        em.createQuery("""
                        update LicenseSession s set s.endedAt = s.expiresAt, s.endReason = :expired
                        where s.sessionId = :id and s.endedAt is null and s.expiresAt <= :now""")
                .setParameter("expired", SessionEnd.EXPIRED)
                .setParameter("id", sessionId.value())
                .setParameter("now", now)
                .executeUpdate();
    }

    /** @return how many of the registration's sessions were marked expired */
    public int expireStaleOfRegistration(long registrationId, Instant now) {
        return em.createQuery("""
                        update LicenseSession s set s.endedAt = s.expiresAt, s.endReason = :expired
                        where s.registrationId = :registration and s.endedAt is null and s.expiresAt <= :now""")
                .setParameter("expired", SessionEnd.EXPIRED)
                .setParameter("registration", registrationId)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** The registration's licenses of the feature, whatever their state: the candidates of a capture. */
    public List<License> licensesOf(Registration registration, Feature feature) {
        return em.createQuery(
                        "select l from License l where l.registration = :registration and l.feature = :feature",
                        License.class)
                .setParameter("registration", registration)
                .setParameter("feature", feature)
                .getResultList();
    }
}
