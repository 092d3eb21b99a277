package org.pbxlicensing.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.pbxlicensing.service.admin.Dashboard;
import org.pbxlicensing.web.admin.DashboardCharts.Series;

/**
 * The dashboard: counts, and Chart.js charts (PrimeFaces {@code p:chart}) of the last 30 or 90 days
 * ({@code ?days=90}), active hosts by product and by product version, and polls per hour. Each chart's
 * numbers are also on the page as a table, its text alternative.
 */
@Named
@RequestScoped
public class DashboardView {

    @Inject
    Dashboard dashboard;

    private Dashboard.Counts counts;
    private int span;
    private List<Dashboard.Day> days;
    private List<Dashboard.Share> products;
    private List<Dashboard.Share> versions;
    private List<Dashboard.Hour> hours;

    @PostConstruct
    void load() {
        String requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("days");
        span = String.valueOf(Dashboard.LONG_DAYS).equals(requested) ? Dashboard.LONG_DAYS : Dashboard.DAYS;
        counts = dashboard.counts();
        days = dashboard.perDay(span);
        products = dashboard.activeHostsByProduct();
        versions = dashboard.activeHostsByVersion();
        hours = dashboard.pollsPerHour();
    }

    public String getPerDayChart() {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(russian() ? "dd.MM" : "MMM d", locale());
        return DashboardCharts.lines(days.stream().map(d -> format.format(d.date())).toList(), List.of(
                        series("dashboard.legend.registrations", days, Dashboard.Day::registrations),
                        series("dashboard.legend.activations", days, Dashboard.Day::activations),
                        series("dashboard.legend.trialsStarted", days, Dashboard.Day::trialsStarted),
                        series("dashboard.legend.trialsConverted", days, Dashboard.Day::trialsConverted)),
                text("dashboard.axis.day"), text("dashboard.axis.count"));
    }

    public String getProductChart() {
        return DashboardCharts.bars(products.stream().map(Dashboard.Share::name).toList(),
                series("dashboard.legend.hosts", products, Dashboard.Share::hosts),
                text("dashboard.axis.product"), text("dashboard.axis.hosts"), true);
    }

    public String getVersionChart() {
        return DashboardCharts.bars(versions.stream().map(this::versionName).toList(),
                series("dashboard.legend.hosts", versions, Dashboard.Share::hosts),
                text("dashboard.axis.version"), text("dashboard.axis.hosts"), true);
    }

    public String getPollChart() {
        return DashboardCharts.bars(hours.stream().map(this::hourName).toList(),
                series("dashboard.legend.polls", hours, Dashboard.Hour::polls),
                text("dashboard.axis.hour"), text("dashboard.axis.polls"), false);
    }

    public String versionName(Dashboard.Share version) {
        return version.name() == null || version.name().isBlank() ? text("dashboard.version.unknown") : version.name();
    }

    public String hourName(Dashboard.Hour hour) {
        return DateTimeFormatter.ofPattern(russian() ? "dd.MM HH:00" : "MMM d, HH:00", locale()).format(hour.start());
    }

    public String dayName(Dashboard.Day day) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(day.date());
    }

    private <T> Series series(String key, List<T> rows, ToLongFunction<T> value) {
        return new Series(text(key), rows.stream().map(row -> value.applyAsLong(row)).toList());
    }

    private static String text(String key) {
        return AdminMessages.text(key);
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    private static boolean russian() {
        return "ru".equals(locale().getLanguage());
    }

    public int getSpan() {
        return span;
    }

    public boolean isLongSpan() {
        return span == Dashboard.LONG_DAYS;
    }

    public Dashboard.Counts getCounts() {
        return counts;
    }

    public List<Dashboard.Day> getDays() {
        return days;
    }

    public List<Dashboard.Share> getProducts() {
        return products;
    }

    public List<Dashboard.Share> getVersions() {
        return versions;
    }

    public List<Dashboard.Hour> getHours() {
        return hours;
    }
}
