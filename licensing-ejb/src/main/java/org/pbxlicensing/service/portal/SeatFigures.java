package org.pbxlicensing.service.portal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.session.LicenseSession;

/**
 * The seats in use of a registration's licenses, counted from the very rows the session monitor
 * lists: a per-host license uses a seat for each of its bindings, a per-session license one for
 * each of its live sessions. So a page's "used / seats" never disagrees with the monitor.
 */
record SeatFigures(Map<Long, Long> bound, Map<Long, Long> live) {

    static SeatFigures of(List<HostBinding> bindings, List<LicenseSession> liveSessions) {
        return new SeatFigures(perLicense(bindings, HostBinding::license), perLicense(liveSessions, LicenseSession::license));
    }

    long usedOf(License license) {
        var counted = license.feature().countingMode() == CountingMode.PER_SESSION ? live : bound;
        return counted.getOrDefault(license.id(), 0L);
    }

    private static <T> Map<Long, Long> perLicense(List<T> rows, Function<T, License> license) {
        return rows.stream().collect(Collectors.groupingBy(row -> license.apply(row).id(), Collectors.counting()));
    }
}
