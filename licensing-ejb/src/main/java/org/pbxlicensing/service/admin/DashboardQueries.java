package org.pbxlicensing.service.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The dashboard's aggregate statements; none of them loads rows. */
@ApplicationScoped
public class DashboardQueries {

    /** Licenses not revoked: trials running now, and paid licenses not ended. */
    public record LicenseCounts(long activeTrials, long paidLicenses) {
    }

    public record CouponCounts(long issued, long activated) {
    }

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    public LicenseCounts licenseCounts(Instant now) {
        Object[] licenses = (Object[]) em.createNativeQuery("""
                        SELECT COALESCE(SUM(kind = 'TRIAL' AND starts_at <= ?1 AND ends_at > ?1), 0),
                               COALESCE(SUM(kind <> 'TRIAL' AND (ends_at IS NULL OR ends_at > ?1)), 0)
                        FROM license WHERE revoked_at IS NULL""")
                .setParameter(1, now).getSingleResult();
        return new LicenseCounts(asLong(licenses[0]), asLong(licenses[1]));
    }

    /** Every coupon ever minted, and those activated. */
    public CouponCounts couponCounts() {
        Object[] coupons = (Object[]) em.createNativeQuery(
                "SELECT COUNT(*), COALESCE(SUM(state = 'ACTIVATED'), 0) FROM coupon").getSingleResult();
        return new CouponCounts(asLong(coupons[0]), asLong(coupons[1]));
    }

    public long registrationCount() {
        return number("SELECT COUNT(*) FROM registration");
    }

    public long activeBindingCount() {
        return number("SELECT COUNT(*) FROM host_binding WHERE released_at IS NULL");
    }

    /** New registrations per day (UTC) since the instant. */
    public Map<LocalDate, Long> registrationsPerDay(Instant since) {
        return perDay("SELECT DATE(created_at), COUNT(*) FROM registration"
                + " WHERE created_at >= ?1 GROUP BY DATE(created_at)", since);
    }

    /** New host bindings per day (UTC) since the instant. */
    public Map<LocalDate, Long> activationsPerDay(Instant since) {
        return perDay("SELECT DATE(bound_at), COUNT(*) FROM host_binding"
                + " WHERE bound_at >= ?1 GROUP BY DATE(bound_at)", since);
    }

    /** Trials started (a registration's one trial of a feature) per day (UTC) since the instant. */
    public Map<LocalDate, Long> trialsStartedPerDay(Instant since) {
        return perDay("SELECT DATE(created_at), COUNT(*) FROM registration_trial"
                + " WHERE created_at >= ?1 GROUP BY DATE(created_at)", since);
    }

    /**
     * Trials converted to paid per day (UTC) since the instant: the first paid license of a registration
     * and feature that had a trial, on the day it was created.
     */
    public Map<LocalDate, Long> trialsConvertedPerDay(Instant since) {
        return perDay("""
                SELECT DATE(l.created_at), COUNT(DISTINCT l.registration_id, l.feature_number)
                FROM license l
                JOIN registration_trial t ON t.registration_id = l.registration_id AND t.feature_number = l.feature_number
                WHERE l.kind <> 'TRIAL' AND l.created_at >= ?1 AND l.created_at >= t.created_at
                  AND NOT EXISTS (SELECT 1 FROM license p
                                  WHERE p.registration_id = l.registration_id AND p.feature_number = l.feature_number
                                    AND p.kind <> 'TRIAL' AND p.created_at >= t.created_at AND p.created_at < l.created_at)
                GROUP BY DATE(l.created_at)""", since);
    }

    /** Hosts with at least one active binding, per feature, most hosts first. */
    public List<Dashboard.Share> activeHostsByProduct() {
        return shares(em.createNativeQuery("""
                SELECT f.name, COUNT(DISTINCT b.host_id) AS hosts
                FROM host_binding b JOIN feature f ON f.number = b.feature_number
                WHERE b.released_at IS NULL
                GROUP BY f.number, f.name ORDER BY hosts DESC, f.name""").getResultList());
    }

    /**
     * Hosts with at least one active binding, per the product version of the host's latest active
     * binding, most hosts first, the {@code limit} most common versions.
     */
    public List<Dashboard.Share> activeHostsByVersion(int limit) {
        return shares(em.createNativeQuery("""
                SELECT v.product_version, COUNT(*) AS hosts FROM (
                    SELECT b.host_id, MAX(b.product_version) AS product_version
                    FROM host_binding b WHERE b.released_at IS NULL GROUP BY b.host_id) v
                GROUP BY v.product_version ORDER BY hosts DESC, v.product_version""")
                .setMaxResults(limit).getResultList());
    }

    /** Polls per hour (UTC) from the hour {@code first} on; hours without polls are missing. */
    public Map<LocalDateTime, Long> pollsPerHourSince(LocalDateTime first) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT hour_start, polls FROM poll_hour WHERE hour_start >= ?1")
                .setParameter(1, first).getResultList();
        var polls = new HashMap<LocalDateTime, Long>();
        for (Object[] row : rows) {
            LocalDateTime start = row[0] instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) row[0];
            polls.put(start, asLong(row[1]));
        }
        return polls;
    }

    private static List<Dashboard.Share> shares(List<?> rows) {
        return rows.stream().map(Object[].class::cast)
                .map(row -> new Dashboard.Share((String) row[0], asLong(row[1]))).toList();
    }

    private Map<LocalDate, Long> perDay(String sql, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, since).getResultList();
        var counts = new HashMap<LocalDate, Long>();
        for (Object[] row : rows) {
            LocalDate date = row[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[0];
            counts.put(date, asLong(row[1]));
        }
        return counts;
    }

    private long number(String sql) {
        return asLong(em.createNativeQuery(sql).getSingleResult());
    }

    private static long asLong(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
