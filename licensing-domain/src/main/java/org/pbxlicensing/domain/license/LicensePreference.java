package org.pbxlicensing.domain.license;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Which of a registration's licenses for a feature a new host binds to: only those active now,
 * paid before trial, and among them the one that lasts longest (perpetual first).
 */
public final class LicensePreference {

    private static final Comparator<License> PAID_FIRST = Comparator.comparing((License l) -> !l.kind().isPaid());
    private static final Comparator<License> LONGEST_FIRST = Comparator.comparing(License::endsAt,
            Comparator.nullsFirst(Comparator.<Instant>reverseOrder()));
    private static final Comparator<License> OLDEST_FIRST = Comparator.comparing(License::startsAt);

    private LicensePreference() {
    }

    public static List<License> candidates(List<License> licenses, Instant now) {
        return licenses.stream()
                .filter(license -> license.isActiveAt(now))
                .sorted(PAID_FIRST.thenComparing(LONGEST_FIRST).thenComparing(OLDEST_FIRST))
                .toList();
    }
}
