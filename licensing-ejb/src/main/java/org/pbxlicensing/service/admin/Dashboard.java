package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

    @Inject
    DashboardQueries queries;

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
        var licenses = queries.licenseCounts(clock.now());
        var coupons = queries.couponCounts();
        return new Counts(queries.registrationCount(), licenses.activeTrials(), licenses.paidLicenses(),
                queries.activeBindingCount(), coupons.issued(), coupons.activated());
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
        Map<LocalDate, Long> registrations = queries.registrationsPerDay(since);
        Map<LocalDate, Long> activations = queries.activationsPerDay(since);
        Map<LocalDate, Long> trials = queries.trialsStartedPerDay(since);
        Map<LocalDate, Long> converted = queries.trialsConvertedPerDay(since);
        var result = new ArrayList<Day>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plus(1, ChronoUnit.DAYS)) {
            result.add(new Day(day, registrations.getOrDefault(day, 0L), activations.getOrDefault(day, 0L),
                    trials.getOrDefault(day, 0L), converted.getOrDefault(day, 0L)));
        }
        return result;
    }

    /** Hosts with at least one active binding, per feature (the product licensed), most hosts first. */
    public List<Share> activeHostsByProduct() {
        return queries.activeHostsByProduct();
    }

    /**
     * Hosts with at least one active binding, per the product version the host reported when it was
     * bound (its latest active binding's), most hosts first; the rarest beyond {@link #VERSIONS_SHOWN}
     * are left out.
     */
    public List<Share> activeHostsByVersion() {
        return queries.activeHostsByVersion(VERSIONS_SHOWN);
    }

    /** Polls (checks of both protocols) per hour (UTC), the last {@link #POLL_HOURS} hours, oldest first. */
    public List<Hour> pollsPerHour() {
        LocalDateTime current = LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        LocalDateTime first = current.minusHours(POLL_HOURS - 1L);
        Map<LocalDateTime, Long> polls = queries.pollsPerHourSince(first);
        var result = new ArrayList<Hour>();
        for (LocalDateTime hour = first; !hour.isAfter(current); hour = hour.plusHours(1)) {
            result.add(new Hour(hour, polls.getOrDefault(hour, 0L)));
        }
        return result;
    }
}
