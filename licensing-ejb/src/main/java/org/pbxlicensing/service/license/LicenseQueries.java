package org.pbxlicensing.service.license;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pbxlicensing.domain.license.ExpiryNotice;

/**
 * The statements on licenses, their trials and their expiry notices. The trials' and notices' inserts
 * are claims on a primary key: of racing claims the database lets exactly one in.
 */
@ApplicationScoped
public class LicenseQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /**
     * Ids of trial and term licenses ending within {@code (endsAfter, endsNoLaterThan]}, started by
     * {@code now}, not revoked and without the notice, after {@code afterId} in id order, that no later
     * license of the same registration and feature continues.
     *
     * @param registrationId only this registration's licenses, or all if null
     */
    @SuppressWarnings("unchecked")
    public List<Long> dueForNotice(ExpiryNotice notice, Instant endsAfter, Instant endsNoLaterThan, Instant now,
            Long registrationId, long afterId, int limit) {
        List<Number> ids = em.createNativeQuery("""
                        SELECT l.id FROM license l
                        WHERE l.ends_at > ?1 AND l.ends_at <= ?2 AND l.kind IN ('TRIAL', 'TERM')
                        AND l.revoked_at IS NULL AND l.starts_at <= ?3 AND l.id > ?4
                        AND (?5 = 0 OR l.registration_id = ?8)
                        AND NOT EXISTS (SELECT 1 FROM license_expiry_notice n
                                        WHERE n.license_id = l.id AND n.notice = ?6)
                        AND NOT EXISTS (SELECT 1 FROM license o
                                        WHERE o.registration_id = l.registration_id
                                        AND o.feature_number = l.feature_number AND o.id <> l.id
                                        AND o.revoked_at IS NULL AND o.starts_at <= l.ends_at
                                        AND (o.ends_at IS NULL OR o.ends_at > l.ends_at))
                        ORDER BY l.id LIMIT ?7""")
                .setParameter(1, endsAfter)
                .setParameter(2, endsNoLaterThan)
                .setParameter(3, now)
                .setParameter(4, afterId)
                .setParameter(5, registrationId == null ? 0 : 1)
                .setParameter(6, notice.name())
                .setParameter(7, limit)
                .setParameter(8, registrationId == null ? 0L : registrationId)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** @return whether this call claimed the license's notice (false: someone did before) */
    public boolean claimNotice(ExpiryNotice notice, long licenseId, Instant now) {
        return em.createNativeQuery("""
                        INSERT IGNORE INTO license_expiry_notice (license_id, notice, noticed_at)
                        VALUES (?1, ?2, ?3)""")
                .setParameter(1, licenseId)
                .setParameter(2, notice.name())
                .setParameter(3, now)
                .executeUpdate() == 1;
    }

    /** @return whether this call claimed the registration's trial of the feature for the license */
    public boolean claimRegistrationTrial(long registrationId, int featureNumber, long licenseId, Instant now) {
        return em.createNativeQuery("""
                        INSERT IGNORE INTO registration_trial (registration_id, feature_number, license_id, created_at)
                        VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, registrationId)
                .setParameter(2, featureNumber)
                .setParameter(3, licenseId)
                .setParameter(4, now)
                .executeUpdate() != 0;
    }

    /** @return whether this call claimed the host's trial of the feature for the registration */
    public boolean claimHostTrial(String hostId, int featureNumber, long registrationId, Instant now) {
        return em.createNativeQuery("""
                        INSERT IGNORE INTO host_trial (host_id, feature_number, registration_id, created_at)
                        VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, hostId)
                .setParameter(2, featureNumber)
                .setParameter(3, registrationId)
                .setParameter(4, now)
                .executeUpdate() == 1;
    }

    /** The registration whose trial of the feature the host ran, as a list of at most one id. */
    public List<?> hostTrialRegistration(String hostId, int featureNumber) {
        return em.createNativeQuery(
                        "SELECT registration_id FROM host_trial WHERE host_id = ?1 AND feature_number = ?2")
                .setParameter(1, hostId)
                .setParameter(2, featureNumber)
                .getResultList();
    }

    /** The features the registration ever had a trial of (even an expired or revoked one). */
    public Set<Integer> triedFeatures(long registrationId) {
        List<?> rows = em.createNativeQuery("SELECT feature_number FROM registration_trial WHERE registration_id = ?1")
                .setParameter(1, registrationId)
                .getResultList();
        return rows.stream().map(row -> ((Number) row).intValue()).collect(Collectors.toSet());
    }

    /** Whether the registration ever had a trial of the feature (even an expired or revoked one). */
    public boolean hadTrial(long registrationId, int featureNumber) {
        return !em.createNativeQuery(
                        "SELECT 1 FROM registration_trial WHERE registration_id = ?1 AND feature_number = ?2")
                .setParameter(1, registrationId)
                .setParameter(2, featureNumber)
                .getResultList()
                .isEmpty();
    }
}
