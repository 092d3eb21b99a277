package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pbxlicensing.infrastructure.time.ServerClock;

/** Counts for the staff's dashboard, each one aggregate query; nothing loads rows. */
@Stateless
@DeclareRoles({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
@RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
public class Dashboard {

    public static final int DAYS = 30;
    public static final int LONG_DAYS = 90;
    public static final int POLL_HOURS = 48;
    /** Versions beyond the most common ones are summed up as one bar. */
    static final int VERSIONS_SHOWN = 15;

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    ServerClock clock;

    public record Counts(long registrations, long activeTrials, long paidLicenses, long activeBindings,
            long couponsIssued, long couponsActivated) {
    }

    public record Day(LocalDate date, long registrations, long activations, long trialsStarted, long trialsConverted) {
    }

    /** A bar of a breakdown; {@code name} is null for hosts that reported no product version. */
    public record Share(String name, long hosts) {
    }

    public record Hour(LocalDateTime start, long polls) {
    }

    public Counts counts() {
        var now = clock.now();
        Object[] licenses = (Object[]) em.createNativeQuery("""
                        SELECT COALESCE(SUM(kind = 'TRIAL' AND starts_at <= ?1 AND ends_at > ?1), 0),
                               COALESCE(SUM(kind <> 'TRIAL' AND (ends_at IS NULL OR ends_at > ?1)), 0)
                        FROM license WHERE revoked_at IS NULL""")
                .setParameter(1, now).getSingleResult();
        Object[] coupons = (Object[]) em.createNativeQuery(
                        "SELECT COUNT(*), COALESCE(SUM(state = 'ACTIVATED'), 0) FROM coupon").getSingleResult();
        return new Counts(number("SELECT COUNT(*) FROM registration"), asLong(licenses[0]), asLong(licenses[1]),
                number("SELECT COUNT(*) FROM host_binding WHERE released_at IS NULL"),
                asLong(coupons[0]), asLong(coupons[1]));
    }

    /**
     * Per day (UTC), oldest first, the last {@code days} days: new registrations, host activations (new
     * bindings), trials started (a registration's one trial of a feature), and trials converted to paid
     * (the first paid license of a registration and feature that had a trial, on the day it was created).
     */
    public List<Day> perDay(int days) {
        LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        var since = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<LocalDate, Long> registrations = perDay("SELECT DATE(created_at), COUNT(*) FROM registration"
                + " WHERE created_at >= ?1 GROUP BY DATE(created_at)", since);
        Map<LocalDate, Long> activations = perDay("SELECT DATE(bound_at), COUNT(*) FROM host_binding"
                + " WHERE bound_at >= ?1 GROUP BY DATE(bound_at)", since);
        Map<LocalDate, Long> trials = perDay("SELECT DATE(created_at), COUNT(*) FROM registration_trial"
                + " WHERE created_at >= ?1 GROUP BY DATE(created_at)", since);
        Map<LocalDate, Long> converted = perDay("""
                SELECT DATE(l.created_at), COUNT(DISTINCT l.registration_id, l.feature_number)
                FROM license l
                JOIN registration_trial t ON t.registration_id = l.registration_id AND t.feature_number = l.feature_number
                WHERE l.kind <> 'TRIAL' AND l.created_at >= ?1 AND l.created_at >= t.created_at
                  AND NOT EXISTS (SELECT 1 FROM license p
                                  WHERE p.registration_id = l.registration_id AND p.feature_number = l.feature_number
                                    AND p.kind <> 'TRIAL' AND p.created_at >= t.created_at AND p.created_at < l.created_at)
                GROUP BY DATE(l.created_at)""", since);
        var result = new ArrayList<Day>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plus(1, ChronoUnit.DAYS)) {
            result.add(new Day(day, registrations.getOrDefault(day, 0L), activations.getOrDefault(day, 0L),
                    trials.getOrDefault(day, 0L), converted.getOrDefault(day, 0L)));
        }
        return result;
    }

    /** Hosts with at least one active binding, per feature (the product licensed), most hosts first. */
    public List<Share> activeHostsByProduct() {
        return shares(em.createNativeQuery("""
                SELECT f.name, COUNT(DISTINCT b.host_id) AS hosts
                FROM host_binding b JOIN feature f ON f.number = b.feature_number
                WHERE b.released_at IS NULL
                GROUP BY f.number, f.name ORDER BY hosts DESC, f.name""").getResultList());
    }

    /**
     * Hosts with at least one active binding, per the product version the host reported when it was
     * bound (its latest active binding's), most hosts first; the rarest beyond {@link #VERSIONS_SHOWN}
     * are left out.
     */
    public List<Share> activeHostsByVersion() {
        return shares(em.createNativeQuery("""
                SELECT v.product_version, COUNT(*) AS hosts FROM (
                    SELECT b.host_id, MAX(b.product_version) AS product_version
                    FROM host_binding b WHERE b.released_at IS NULL GROUP BY b.host_id) v
                GROUP BY v.product_version ORDER BY hosts DESC, v.product_version""")
                .setMaxResults(VERSIONS_SHOWN).getResultList());
    }

    /** Polls (checks of both protocols) per hour (UTC), the last {@link #POLL_HOURS} hours, oldest first. */
    public List<Hour> pollsPerHour() {
        LocalDateTime current = LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        LocalDateTime first = current.minusHours(POLL_HOURS - 1L);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT hour_start, polls FROM poll_hour WHERE hour_start >= ?1")
                .setParameter(1, first).getResultList();
        var polls = new HashMap<LocalDateTime, Long>();
        for (Object[] row : rows) {
            LocalDateTime start = row[0] instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) row[0];
            polls.put(start, asLong(row[1]));
        }
        var result = new ArrayList<Hour>();
        for (LocalDateTime hour = first; !hour.isAfter(current); hour = hour.plusHours(1)) {
            result.add(new Hour(hour, polls.getOrDefault(hour, 0L)));
        }
        return result;
    }

    private static List<Share> shares(List<?> rows) {
        return rows.stream().map(Object[].class::cast).map(row -> new Share((String) row[0], asLong(row[1]))).toList();
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
