package org.pbxlicensing.service.licensev2;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.licensev2.EntitlementRequest;
import org.pbxlicensing.domain.licensev2.FeatureUsage;
import org.pbxlicensing.domain.licensev2.InstallationState;
import org.pbxlicensing.domain.licensev2.SeatShare;
import org.pbxlicensing.infrastructure.config.LicenseV2Settings;
import org.pbxlicensing.service.check.SeenBindings;

/**
 * The usual poll of a known installation, in one read and one write: the installation's row read
 * together with its registration's licenses, the host's bindings of them, whether a holder drop
 * waits, its own stored usage and the seats the registration's other installations and native
 * sessions use; then the replay guard's conditional update, which also records what the request
 * reports. A poll that needs more (a feature still to bind, a reset or a drop to tell, an
 * installation moved to another registration, a first request) is left to the full path.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SteadyPolls {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    InstallationRegistry installations;

    @Inject
    SeenBindings seen;

    @Inject
    LicenseV2Settings settings;

    /** What the installation may run, as of the read; empty when the poll is not a steady one. */
    public Optional<Steady> read(EntitlementRequest request, long registrationId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT i.registration_id, i.state,
                          EXISTS (SELECT 1 FROM licensev2_holder_drop d
                                  WHERE d.install_id = i.install_id AND d.delivered_at IS NULL) AS drops_waiting,
                          (SELECT GROUP_CONCAT(CONCAT(u.feature_number, ':', u.used, ':', u.peak, ':', u.denied)
                                  ORDER BY u.feature_number SEPARATOR ',')
                           FROM licensev2_usage u WHERE u.install_id = i.install_id) AS own_usage,
                          l.id, f.number, f.counting_mode, l.seats, l.starts_at, l.ends_at, l.revoked_at,
                          b.id, b.last_seen_at,
                          CASE WHEN f.counting_mode = 'PER_SESSION' THEN
                            (SELECT COALESCE(SUM(ou.used), 0) FROM licensev2_usage ou
                             JOIN licensev2_installation o ON o.install_id = ou.install_id
                             WHERE o.registration_id = i.registration_id AND o.install_id <> i.install_id
                             AND o.state = 'ACTIVE' AND o.last_seen_at >= ?2 AND ou.feature_number = f.number)
                          END AS used_by_others,
                          CASE WHEN f.counting_mode = 'PER_SESSION' THEN
                            (SELECT COUNT(*) FROM license_session s
                             WHERE s.registration_id = i.registration_id AND s.feature_number = f.number
                             AND s.ended_at IS NULL AND s.expires_at > ?3)
                          END AS native_sessions
                        FROM licensev2_installation i
                        LEFT JOIN license l ON l.registration_id = i.registration_id
                        LEFT JOIN feature f ON f.number = l.feature_number
                        LEFT JOIN host_binding b ON b.license_id = l.id AND b.host_id = i.host_id
                          AND b.registration_id = i.registration_id AND b.released_at IS NULL
                        WHERE i.install_id = ?1""")
                .setParameter(1, request.install())
                .setParameter(2, now.minus(settings.grace()))
                .setParameter(3, now)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] first = rows.get(0);
        if (((Number) first[0]).longValue() != registrationId
                || !InstallationState.ACTIVE.name().equals(first[1])
                || truthy(first[2])) {
            return Optional.empty();
        }
        Map<Long, LicenseRow> licenses = new HashMap<>();
        for (Object[] row : rows) {
            if (row[4] != null) {
                licenses.merge(((Number) row[4]).longValue(), LicenseRow.of(row),
                        (kept, again) -> kept.bindingId() != null ? kept : again);
            }
        }
        List<LicenseRow> active = licenses.values().stream().filter(license -> license.isActiveAt(now)).toList();
        Set<Integer> toBind = new HashSet<>();
        toBind.add(settings.productFeature());
        active.stream().filter(license -> license.mode() == CountingMode.PER_HOST)
                .forEach(license -> toBind.add(license.feature()));
        SortedMap<Integer, Instant> ends = new TreeMap<>();
        active.stream().filter(license -> license.bindingId() != null)
                .sorted(Comparator.comparingInt(LicenseRow::feature))
                .forEach(license -> {
                    toBind.remove(license.feature());
                    ends.merge(license.feature(), perpetualAsMax(license.endsAt()), SteadyPolls::later);
                });
        if (!toBind.isEmpty()) {
            return Optional.empty();
        }
        ends.replaceAll((feature, end) -> end == Instant.MAX ? null : end);
        noteSightings(active, now);
        SortedMap<Integer, Integer> seats = seats(active);
        seats.keySet().forEach(feature -> ends.put(feature, sessionEnd(active, feature)));
        return Optional.of(new Steady(new InstallationGrant(ends, seats), text(first[3])));
    }

    /**
     * Records the poll: the replay guard and what the request reports, and its usage when it changed.
     *
     * @return false when the request is a replay
     */
    public boolean record(EntitlementRequest request, Steady steady, String clientAddress, Instant now) {
        List<FeatureUsage> usage = request.usage() == null || usageKey(request.usage()).equals(
                steady.storedUsage() == null ? "" : steady.storedUsage()) ? null : request.usage();
        return installations.recordSteady(request, clientAddress, now, usage, storedFeatures(steady.storedUsage()));
    }

    /** What a steady poll read: the grant to sign and the installation's usage as stored. */
    public record Steady(InstallationGrant grant, String storedUsage) {
    }

    private void noteSightings(List<LicenseRow> active, Instant now) {
        Instant staleBefore = now.minus(HostBinding.LAST_SEEN_RESOLUTION);
        active.stream()
                .filter(license -> license.bindingId() != null && license.bindingSeenAt() != null
                        && license.bindingSeenAt().isBefore(staleBefore))
                .forEach(license -> seen.note(license.bindingId(), now));
    }

    private static SortedMap<Integer, Integer> seats(List<LicenseRow> active) {
        Map<Integer, List<LicenseRow>> perSession = active.stream()
                .filter(license -> license.mode() == CountingMode.PER_SESSION)
                .collect(Collectors.groupingBy(LicenseRow::feature));
        SortedMap<Integer, Integer> shares = new TreeMap<>();
        perSession.forEach((feature, licenses) -> shares.put(feature, SeatShare.of(
                licenses.stream().mapToInt(LicenseRow::seats).sum(),
                licenses.get(0).usedByOthers() + licenses.get(0).nativeSessions())));
        return shares;
    }

    /** The latest end of the feature's active licenses; null when one of them is perpetual. */
    private static Instant sessionEnd(List<LicenseRow> active, int feature) {
        Instant end = active.stream().filter(license -> license.feature() == feature)
                .map(license -> perpetualAsMax(license.endsAt()))
                .reduce(SteadyPolls::later).orElse(Instant.MAX);
        return end == Instant.MAX ? null : end;
    }

    /** The form in which usage is stored and compared: {@code feature:used:peak:denied}, by feature. */
    static String usageKey(List<FeatureUsage> usage) {
        List<FeatureUsage> sorted = new ArrayList<>(usage);
        sorted.sort(Comparator.comparingInt(FeatureUsage::feature));
        return sorted.stream().map(u -> u.feature() + ":" + u.used() + ":" + u.peak() + ":" + u.denied())
                .collect(Collectors.joining(","));
    }

    private static Set<Integer> storedFeatures(String storedUsage) {
        Set<Integer> features = new HashSet<>();
        if (storedUsage != null && !storedUsage.isEmpty()) {
            for (String entry : storedUsage.split(",")) {
                features.add(Integer.parseInt(entry.substring(0, entry.indexOf(':'))));
            }
        }
        return features;
    }

    private static Instant perpetualAsMax(Instant end) {
        return end == null ? Instant.MAX : end;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.US_ASCII)
                : (String) value;
    }

    private static boolean truthy(Object value) {
        return value instanceof Number number ? number.intValue() != 0 : Boolean.TRUE.equals(value);
    }

    static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return null;
    }

    /** One license of the registration as the read finds it, with the host's binding of it if any. */
    private record LicenseRow(int feature, CountingMode mode, int seats, Instant startsAt, Instant endsAt,
            Instant revokedAt, Long bindingId, Instant bindingSeenAt, long usedByOthers, long nativeSessions) {

        static LicenseRow of(Object[] row) {
            return new LicenseRow(((Number) row[5]).intValue(), CountingMode.valueOf(text(row[6])),
                    ((Number) row[7]).intValue(), instant(row[8]), instant(row[9]), instant(row[10]),
                    row[11] == null ? null : ((Number) row[11]).longValue(), instant(row[12]),
                    row[13] == null ? 0 : ((Number) row[13]).longValue(),
                    row[14] == null ? 0 : ((Number) row[14]).longValue());
        }

        /** As {@code License.isActiveAt}. */
        boolean isActiveAt(Instant now) {
            return (revokedAt == null || now.isBefore(revokedAt)) && !now.isBefore(startsAt)
                    && (endsAt == null || now.isBefore(endsAt));
        }
    }
}
