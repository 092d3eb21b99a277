package org.pbxlicensing.service.eula;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pbxlicensing.domain.eula.EulaAcceptance;
import org.pbxlicensing.domain.eula.EulaVersion;
import org.pbxlicensing.infrastructure.time.DatabaseTimes;

/** The statements on agreement versions and their acceptances. */
@ApplicationScoped
public class EulaQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /** Every version of every feature's agreement, read only. */
    public List<EulaVersion> allVersions() {
        return em.createQuery("select v from EulaVersion v", EulaVersion.class)
                .setHint("org.hibernate.readOnly", true)
                .getResultList();
    }

    public boolean versionExists(int featureNumber, String version) {
        return !em.createQuery("""
                        select v.id from EulaVersion v
                        where v.featureNumber = :feature and v.version = :version""", Long.class)
                .setParameter("feature", featureNumber)
                .setParameter("version", version)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public long versionCountOf(int featureNumber) {
        return em.createQuery("select count(v) from EulaVersion v where v.featureNumber = :feature", Long.class)
                .setParameter("feature", featureNumber)
                .getSingleResult();
    }

    /** The feature's versions, newest first. */
    public List<EulaVersion> versionsOf(int featureNumber, int offset, int limit) {
        return em.createQuery("""
                        select v from EulaVersion v where v.featureNumber = :feature
                        order by v.publishedAt desc, v.id desc""", EulaVersion.class)
                .setParameter("feature", featureNumber)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Records the registration's acceptance of the version on the host (the empty host id for the
     * portal), unless it was recorded before.
     *
     * @return whether it was recorded now
     */
    public boolean recordAcceptance(long registrationId, long versionId, String hostId, String client, Instant now) {
        return em.createNativeQuery("""
                        INSERT IGNORE INTO eula_acceptance
                            (registration_id, eula_version_id, host_id, client_address, accepted_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, registrationId)
                .setParameter(2, versionId)
                .setParameter(3, hostId)
                .setParameter(4, client)
                .setParameter(5, now)
                .executeUpdate() == 1;
    }

    /** Which of the versions the registration accepted, in the portal or on any host. */
    public Set<Long> acceptedVersionIds(long registrationId, Collection<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return Set.of();
        }
        List<?> ids = em.createNativeQuery("""
                        SELECT DISTINCT eula_version_id FROM eula_acceptance
                        WHERE registration_id = :registration AND eula_version_id IN (:versions)""")
                .setParameter("registration", registrationId)
                .setParameter("versions", versionIds)
                .getResultList();
        Set<Long> accepted = new HashSet<>();
        ids.forEach(id -> accepted.add(((Number) id).longValue()));
        return accepted;
    }

    /** Every version the registration accepted, in the portal or on any host. */
    public Set<Long> acceptedVersionIdsOf(long registrationId) {
        List<?> rows = em.createNativeQuery(
                        "SELECT DISTINCT eula_version_id FROM eula_acceptance WHERE registration_id = ?1")
                .setParameter(1, registrationId)
                .getResultList();
        Set<Long> accepted = new HashSet<>();
        rows.forEach(row -> accepted.add(((Number) row).longValue()));
        return accepted;
    }

    /** The registration's acceptances, newest first, at most 500. */
    public List<EulaAcceptance> acceptancesOf(long registrationId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT v.feature_number, v.version, v.title_ru, v.title_en, a.host_id, a.accepted_at
                        FROM eula_acceptance a JOIN eula_version v ON v.id = a.eula_version_id
                        WHERE a.registration_id = ?1
                        ORDER BY a.accepted_at DESC, v.feature_number, a.host_id
                        LIMIT 500""")
                .setParameter(1, registrationId)
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new EulaAcceptance(((Number) row[0]).intValue(),
                (String) row[1], (String) row[2], (String) row[3], (String) row[4], DatabaseTimes.instant(row[5]))).toList();
    }

    /** The features the host holds an active binding of, in the registration. */
    public List<Integer> boundFeaturesOf(long registrationId, String hostId) {
        return em.createQuery("""
                        select distinct b.featureNumber from HostBinding b
                        where b.registrationId = :registration and b.hostId = :host and b.releasedAt is null
                        order by b.featureNumber""", Integer.class)
                .setParameter("registration", registrationId)
                .setParameter("host", hostId)
                .getResultList();
    }
}
