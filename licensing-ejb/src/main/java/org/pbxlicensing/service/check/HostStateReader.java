package org.pbxlicensing.service.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.registration.RegistrationNumber;
import org.pbxlicensing.domain.throttle.LimitedSubject;
import org.pbxlicensing.infrastructure.combine.CombinedReads;
import org.pbxlicensing.infrastructure.metrics.Meters;
import org.pbxlicensing.service.binding.BindingQueries;
import org.pbxlicensing.service.binding.HeldSeat;
import org.pbxlicensing.service.binding.HostHoldings;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.registration.RegistrationKey;
import org.pbxlicensing.service.registration.RegistrationLookup.CountedLookup;
import org.pbxlicensing.service.throttle.FailedGuesses;

/** Reads a {@link HostState} and the {@link StateVersions} it is kept with. */
@ApplicationScoped
public class HostStateReader {

    /** At most the checks one statement reads for: about the request threads of a node. */
    static final int REGISTRATIONS_PER_READ = 32;

    /** Statements that read registrations' versions for checks: fewer than the checks when they share them. */
    static final String VERSION_READS = "licensing.check.version.reads";

    @Inject
    HostStateQueries queries;

    @Inject
    HostHoldings holdings;

    @Inject
    BindingQueries bindings;

    @Inject
    Meters meters;

    @Inject
    ServerClock clock;

    private final CombinedReads<CheckedNumber, CountedLookup<CommittedRegistration>> committedRegistrations =
            new CombinedReads<>(this::countedRegistrations, REGISTRATIONS_PER_READ);

    /** A number a check asks for, and the failed guesses of its client, when they are throttled. */
    private record CheckedNumber(RegistrationNumber number, LimitedSubject guesser) {
    }

    /** What a check reads of a registration itself: its state's versions and the agreements it accepted. */
    public record RegistrationState(StateVersions versions, Set<Long> acceptedEulaVersions) {
    }

    /** A registration found by its number, with its state as committed when it was read. */
    public record CommittedRegistration(RegistrationKey key, RegistrationState state) {
    }

    /**
     * The registration's versions as committed now, or as its caller's transaction wrote them (a
     * registration nothing was written for yet is at version 0), and the agreement versions it
     * accepted, in one statement.
     */
    public RegistrationState registration(long registrationId) {
        List<Object[]> rows = registrationRows("id", List.of(registrationId));
        if (rows.isEmpty()) {
            // Registrations are never deleted, and their ids come from rows read before.
            throw new IllegalStateException("No registration with id " + registrationId);
        }
        return registrationState(rows.get(0));
    }

    /**
     * The registration of a number, with its state as committed now, for a caller outside any
     * transaction: read together with the registrations that concurrent checks of this node ask for
     * at the same moment, in one statement that begins after this call. Empty for an unknown number.
     */
    public CountedLookup<CommittedRegistration> committedRegistration(RegistrationNumber number,
            Optional<LimitedSubject> guesser) {
        return committedRegistrations.read(new CheckedNumber(number, guesser.orElse(null)));
    }

    private static RegistrationState registrationState(Object[] row) {
        Set<Long> accepted = new HashSet<>();
        if (row[4] != null) {
            Arrays.stream(row[4].toString().split(",")).map(Long::valueOf).forEach(accepted::add);
        }
        return new RegistrationState(
                new StateVersions(((Number) row[2]).longValue(), ((Number) row[3]).longValue()), accepted);
    }

    private Map<CheckedNumber, CountedLookup<CommittedRegistration>> countedRegistrations(Set<CheckedNumber> asked) {
        meters.counter(VERSION_READS).increment();
        // The column compares without case, as the look-up by number always did.
        Map<String, RegistrationNumber> byValue = new HashMap<>();
        asked.forEach(checked -> byValue.put(checked.number().value().toUpperCase(Locale.ROOT), checked.number()));
        Set<LimitedSubject> guessers = new LinkedHashSet<>();
        asked.stream().map(CheckedNumber::guesser).filter(Objects::nonNull).forEach(guessers::add);
        Map<RegistrationNumber, CommittedRegistration> registrations = new HashMap<>();
        Map<String, FailedGuesses> guesses = new HashMap<>();
        Instant now = clock.now();
        for (Object[] row : queries.registrationRows("number", List.copyOf(byValue.keySet()), List.copyOf(guessers), now)) {
            if (row[5] != null) {
                guesses.put(row[1].toString(), new FailedGuesses(((Number) row[0]).longValue(),
                        FailedGuesses.minute(row[5], now)));
                continue;
            }
            RegistrationNumber number = byValue.get(row[1].toString().toUpperCase(Locale.ROOT));
            if (number != null) {
                registrations.put(number, new CommittedRegistration(
                        new RegistrationKey(((Number) row[0]).longValue(), number), registrationState(row)));
            }
        }
        Map<CheckedNumber, CountedLookup<CommittedRegistration>> found = new HashMap<>();
        for (CheckedNumber checked : asked) {
            found.put(checked, new CountedLookup<>(Optional.ofNullable(registrations.get(checked.number())),
                    checked.guesser() == null ? FailedGuesses.NONE
                            : guesses.getOrDefault(checked.guesser().subject(), FailedGuesses.NONE)));
        }
        return found;
    }

    private List<Object[]> registrationRows(String column, List<?> values) {
        return queries.registrationRows(column, values, List.of(), null);
    }

    /**
     * The host's state, read after its registration's: a change committed in between makes the
     * versions stale, never the state.
     */
    public HostState read(long registrationId, String hostId, RegistrationState registration) {
        List<HostState.HeldLicense> held = held(registrationId, hostId);
        boolean released = held.isEmpty() && bindings.anyReleased(registrationId, hostId);
        return new HostState(registration.versions(), held, released, registration.acceptedEulaVersions());
    }

    /**
     * The host's state inside the caller's transaction, its own writes included: without versions, so
     * that it is never kept (the transaction may roll back, and another change reach the same versions).
     */
    public HostState readInTransaction(long registrationId, String hostId) {
        RegistrationState registration = registration(registrationId);
        return read(registrationId, hostId, new RegistrationState(null, registration.acceptedEulaVersions()));
    }

    /** The host's active bindings with their licenses and the seats taken of each, in one statement. */
    public List<HostState.HeldLicense> held(long registrationId, String hostId) {
        return holdings.of(registrationId, hostId).stream().map(HostStateReader::heldLicense).toList();
    }

    static HostState.HeldLicense heldLicense(HeldSeat seat) {
        HostBinding binding = seat.binding();
        return new HostState.HeldLicense(binding.id(), binding.license(), seat.seatsUsed(), binding.lastSeenAt());
    }
}
