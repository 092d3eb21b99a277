package org.pbxlicensing.service.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.infrastructure.combine.CombinedReads;
import org.pbxlicensing.infrastructure.metrics.Meters;
import org.pbxlicensing.service.binding.HeldSeat;
import org.pbxlicensing.service.binding.HostHoldings;

/** Reads a {@link HostState} and the {@link StateVersions} it is kept with. */
@ApplicationScoped
public class HostStateReader {

    /** At most the checks one statement reads for: about the request threads of a node. */
    static final int REGISTRATIONS_PER_READ = 32;

    /** Statements that read registrations' versions for checks: fewer than the checks when they share them. */
    static final String VERSION_READS = "licensing.check.version.reads";

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    HostHoldings holdings;

    @Inject
    Meters meters;

    private final CombinedReads<Long, RegistrationState> committedRegistrations =
            new CombinedReads<>(this::countedRegistrations, REGISTRATIONS_PER_READ);

    /** What a check reads of a registration itself: its state's versions and the agreements it accepted. */
    public record RegistrationState(StateVersions versions, Set<Long> acceptedEulaVersions) {
    }

    /**
     * The registration's versions as committed now, or as its caller's transaction wrote them (a
     * registration nothing was written for yet is at version 0), and the agreement versions it
     * accepted, in one statement.
     */
    public RegistrationState registration(long registrationId) {
        return existing(registrationId, registrations(Set.of(registrationId)).get(registrationId));
    }

    /**
     * The same, as committed now, for a caller outside any transaction: read together with the
     * registrations that concurrent checks of this node ask for at the same moment, in one statement
     * that begins after this call.
     */
    public RegistrationState committedRegistration(long registrationId) {
        return existing(registrationId, committedRegistrations.read(registrationId));
    }

    private static RegistrationState existing(long registrationId, RegistrationState state) {
        if (state == null) {
            // Registrations are never deleted, and their ids come from rows read before.
            throw new IllegalStateException("No registration with id " + registrationId);
        }
        return state;
    }

    private static RegistrationState registrationState(Object version, Object catalogueVersion, Object acceptedIds) {
        Set<Long> accepted = new HashSet<>();
        if (acceptedIds != null) {
            Arrays.stream(acceptedIds.toString().split(",")).map(Long::valueOf).forEach(accepted::add);
        }
        return new RegistrationState(
                new StateVersions(((Number) version).longValue(), ((Number) catalogueVersion).longValue()), accepted);
    }

    private Map<Long, RegistrationState> countedRegistrations(Set<Long> registrationIds) {
        meters.counter(VERSION_READS).increment();
        return registrations(registrationIds);
    }

    private Map<Long, RegistrationState> registrations(Set<Long> registrationIds) {
        List<Long> ids = new ArrayList<>(registrationIds);
        // Few distinct statements for the database to keep prepared: the list grows to a power of two.
        while (Integer.bitCount(ids.size()) != 1) {
            ids.add(ids.get(0));
        }
        var query = em.createNativeQuery("""
                SELECT r.id, COALESCE(s.version, 0), c.version,
                    (SELECT GROUP_CONCAT(a.eula_version_id) FROM eula_acceptance a WHERE a.registration_id = r.id)
                FROM registration r JOIN catalogue_state c ON c.id = 1
                LEFT JOIN registration_state s ON s.registration_id = r.id
                WHERE r.id IN (""" + IntStream.rangeClosed(1, ids.size()).mapToObj(i -> "?" + i)
                        .collect(Collectors.joining(", ")) + ")");
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        Map<Long, RegistrationState> states = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            states.put(((Number) columns[0]).longValue(), registrationState(columns[1], columns[2], columns[3]));
        }
        return states;
    }

    /**
     * The host's state, read after its registration's: a change committed in between makes the
     * versions stale, never the state.
     */
    public HostState read(long registrationId, String hostId, RegistrationState registration) {
        List<HostState.HeldLicense> held = held(registrationId, hostId);
        boolean released = held.isEmpty() && wasReleased(registrationId, hostId);
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

    private boolean wasReleased(long registrationId, String hostId) {
        return !em.createQuery("""
                        select b.id from HostBinding b
                        where b.registrationId = :registration and b.hostId = :host and b.releasedAt is not null""",
                        Long.class)
                .setParameter("registration", registrationId)
                .setParameter("host", hostId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
