package org.pbxlicensing.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.pbxlicensing.service.admin.Dashboard;

/** The dashboard's counts and its per-day chart, drawn as server-side bars scaled to the busiest day. */
@Named
@RequestScoped
public class DashboardView {

    @Inject
    Dashboard dashboard;

    private Dashboard.Counts counts;
    private List<Dashboard.Day> days;
    private long busiest;

    @PostConstruct
    void load() {
        counts = dashboard.counts();
        days = dashboard.perDay();
        busiest = days.stream().mapToLong(d -> Math.max(d.registrations(), d.activations())).max().orElse(0);
    }

    public Dashboard.Counts getCounts() {
        return counts;
    }

    public List<Dashboard.Day> getDays() {
        return days;
    }

    /** Height of a bar in percent of the chart. */
    public long height(long value) {
        return busiest == 0 ? 0 : Math.max(value == 0 ? 0 : 2, value * 100 / busiest);
    }
}
