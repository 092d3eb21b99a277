package org.pbxlicensing.service.licensev2;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.license.LicenseKind;
import org.pbxlicensing.domain.licensev2.EntitlementRequest;
import org.pbxlicensing.domain.licensev2.FeatureUsage;
import org.pbxlicensing.domain.licensev2.InstallationState;
import org.pbxlicensing.domain.licensev2.SeatShare;
import org.pbxlicensing.domain.registration.RegistrationNumber;
import org.pbxlicensing.domain.throttle.LimitedSubject;
import org.pbxlicensing.infrastructure.config.LicenseV2Settings;
import org.pbxlicensing.infrastructure.metrics.CountedOperation;
import org.pbxlicensing.infrastructure.metrics.Meters;
import org.pbxlicensing.service.check.SeenBindings;
import org.pbxlicensing.service.registration.RegistrationKey;
import org.pbxlicensing.service.registration.RegistrationLookup;
import org.pbxlicensing.service.registration.RegistrationLookup.CountedLookup;
import org.pbxlicensing.service.throttle.FailedGuesses;

/**
 * The usual poll of a known installation, in one read and one write: the installation's row read
 * together with its registration's licenses, the host's bindings of them, whether a holder drop
 * waits, its own stored usage and the seats the registration's other installations and native
 * sessions use; then the replay guard's conditional update, which also records what the request
 * reports. The first poll of an installation whose features all bind to paid licenses with free seats
 * takes that read and one transaction of four writes. A poll that needs more (a trial to start, a
 * feature without a free seat, a reset or a drop to tell, an installation moved to another
 * registration) is left to the full path.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SteadyPolls {

    @Inject
    InstallationRegistry registry;

    @Inject
    InstallationQueries installations;

    @Inject
    SeenBindings seen;

    @Inject
    Meters meters;

    @Inject
    LicenseV2Settings settings;

    /**
     * The registration of the number the poll names, the client's failed guesses, and what the poll
     * takes, all in one statement ({@link RegistrationLookup#requireCounted} decides from the guesses
     * and whether the registration was found).
     */
    public CountedLookup<PollRead> read(EntitlementRequest request, RegistrationNumber number,
            Optional<LimitedSubject> guesser, Instant now) {
        List<Object[]> rows = installations.pollRows(request, number, guesser, now, now.minus(settings.grace()));
        Object[] head = rows.get(0);
        FailedGuesses guesses = FailedGuesses.of(head[1], head[2], now);
        if (head[0] == null) {
            return new CountedLookup<>(Optional.empty(), guesses);
        }
        var registration = new RegistrationKey(((Number) head[0]).longValue(), number);
        List<Object[]> pollRows = rows.stream().map(row -> Arrays.copyOfRange(row, 3, row.length)).toList();
        return new CountedLookup<>(Optional.of(new PollRead(registration, plan(pollRows, registration.id(), now))),
                guesses);
    }

    private Optional<Plan> plan(List<Object[]> rows, long registrationId, Instant now) {
        Object[] first = rows.get(0);
        boolean known = first[0] != null;
        if (known && (((Number) first[0]).longValue() != registrationId
                || !InstallationState.ACTIVE.name().equals(first[1])
                || truthy(first[2]))) {
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
        if (!known) {
            return firstPoll(active).or(() -> Optional.of(new NewInstallation()));
        }
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
        return registry.recordSteady(request, clientAddress, now, usage, storedFeatures(steady.storedUsage()));
    }

    /**
     * The poll's registration, and what the poll takes as of the read: a steady poll's grant, or the
     * bindings a first poll makes and the grant they give; for another first poll, that the
     * installation is new; empty when the poll needs the full path for another reason.
     */
    public record PollRead(RegistrationKey registration, Optional<Plan> plan) {
    }

    /** What a poll takes, decided from the one read. */
    public sealed interface Plan permits Steady, FirstPoll, NewInstallation {
    }

    /** The first poll of an installation that the full path binds: its row can be made at once. */
    public record NewInstallation() implements Plan {
    }

    /** What a steady poll read: the grant to sign and the installation's usage as stored. */
    public record Steady(InstallationGrant grant, String storedUsage) implements Plan {
    }

    /**
     * The first poll of an installation whose every feature binds to a paid license with a free seat:
     * the licenses to bind (one per feature) and what the installation may run once they are bound.
     */
    public record FirstPoll(InstallationGrant grant, List<Long> licenses, List<Integer> features,
            List<String> kinds) implements Plan {
    }

    /**
     * Creates the installation and its bindings, in one transaction under the registration's claim
     * lock: the lock, the installation's row (written only while every license to bind still has a
     * free seat), the bindings, their audit events and their {@code binding.created} events.
     *
     * @return false when a seat went or the installation came meanwhile: nothing is written, the full
     *     path decides
     */
    public boolean bind(EntitlementRequest request, FirstPoll plan, RegistrationKey registration, Actor actor,
            Instant now) {
        try {
            registry.createBound(request, registration, actor, now, plan.licenses(), plan.features(),
                    plan.kinds());
            // Counted as the bindings of the full path are, one activation each.
            meters.counter(CountedOperation.ACTIVATION.meter(), "outcome", "ok").increment(plan.licenses().size());
            return true;
        } catch (InstallationRegistry.NotCreated e) {
            return false;
        }
    }

    private Optional<Plan> firstPoll(List<LicenseRow> active) {
        if (active.stream().anyMatch(license -> license.bindingId() != null)) {
            return Optional.empty();
        }
        Set<Integer> toBind = new TreeSet<>();
        toBind.add(settings.productFeature());
        active.stream().filter(license -> license.mode() == CountingMode.PER_HOST)
                .forEach(license -> toBind.add(license.feature()));
        SortedMap<Integer, Instant> ends = new TreeMap<>();
        List<Long> licenses = new ArrayList<>();
        List<Integer> features = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int feature : toBind) {
            Optional<LicenseRow> chosen = active.stream()
                    .filter(license -> license.feature() == feature)
                    .sorted(PREFERENCE)
                    .filter(license -> license.taken() < license.seats())
                    .findFirst();
            if (chosen.isEmpty() || !chosen.get().kind().isPaid()) {
                return Optional.empty();
            }
            licenses.add(chosen.get().id());
            features.add(feature);
            kinds.add(chosen.get().kind().name());
            ends.put(feature, chosen.get().endsAt());
        }
        SortedMap<Integer, Integer> seats = seats(active);
        seats.keySet().forEach(feature -> ends.put(feature, sessionEnd(active, feature)));
        return Optional.of(new FirstPoll(new InstallationGrant(ends, seats), licenses, features, kinds));
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

    /** As {@code LicensePreference}: paid before trial, the longest first (perpetual first), the oldest first. */
    private static final Comparator<LicenseRow> PREFERENCE = Comparator.comparing((LicenseRow l) -> !l.kind().isPaid())
            .thenComparing(LicenseRow::endsAt, Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
            .thenComparing(LicenseRow::startsAt);

    /** One license of the registration as the read finds it, with the host's binding of it if any. */
    private record LicenseRow(long id, int feature, CountingMode mode, LicenseKind kind, int seats, long taken,
            Instant startsAt, Instant endsAt, Instant revokedAt, Long bindingId, Instant bindingSeenAt,
            long usedByOthers, long nativeSessions) {

        static LicenseRow of(Object[] row) {
            return new LicenseRow(((Number) row[4]).longValue(), ((Number) row[5]).intValue(),
                    CountingMode.valueOf(text(row[6])), LicenseKind.valueOf(text(row[15])),
                    ((Number) row[7]).intValue(), ((Number) row[16]).longValue(), instant(row[8]), instant(row[9]), instant(row[10]),
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
