package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
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

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    ServerClock clock;

    public record Counts(long registrations, long activeTrials, long paidLicenses, long activeBindings,
            long couponsIssued, long couponsActivated) {
    }

    public record Day(LocalDate date, long registrations, long activations) {
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

    /** Registrations and host activations (new bindings) per day, the last {@link #DAYS} days, oldest first. */
    public List<Day> perDay() {
        LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1L);
        var since = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<LocalDate, Long> registrations = perDay("registration", "created_at", since);
        Map<LocalDate, Long> activations = perDay("host_binding", "bound_at", since);
        var days = new ArrayList<Day>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plus(1, ChronoUnit.DAYS)) {
            days.add(new Day(day, registrations.getOrDefault(day, 0L), activations.getOrDefault(day, 0L)));
        }
        return days;
    }

    private Map<LocalDate, Long> perDay(String table, String column, java.time.Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DATE(" + column + "), COUNT(*) FROM " + table
                        + " WHERE " + column + " >= ?1 GROUP BY DATE(" + column + ")")
                .setParameter(1, since).getResultList();
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
