package org.pbxlicensing.service.licensev2;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.binding.HostDetails;
import org.pbxlicensing.domain.event.LifecycleEvent;
import org.pbxlicensing.domain.licensev2.EntitlementRequest;
import org.pbxlicensing.domain.licensev2.FeatureUsage;
import org.pbxlicensing.domain.licensev2.Installation;
import org.pbxlicensing.domain.licensev2.Purpose;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.registration.RegistrationClaimLock;
import org.pbxlicensing.service.registration.RegistrationKey;

/**
 * The installations' rows: what each last reported, and the replay guard. The guard is one
 * conditional update ({@code last_seq < seq}), so of racing requests with one seq, on any node,
 * exactly one passes; a replay leaves everything as it was.
 */
@Stateless
public class InstallationRegistry {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    InstallationQueries installations;

    @Inject
    ServerClock clock;

    @Inject
    Event<LifecycleEvent> lifecycle;

    /**
     * Creates the installation's row if it has none, in a transaction of its own: the shared lock an
     * ignored duplicate takes is gone before {@link #claim} locks the row to advance its seq, so
     * racing requests queue on that one lock instead of deadlocking on an upgrade.
     */
    public void createIfAbsent(EntitlementRequest request, Long registrationId) {
        installations.insertIfAbsent(request, registrationId, clock.now());
    }

    /**
     * Records a request of an installation; {@link InstallationClaim#UNKNOWN} (nothing recorded) until
     * {@link #createIfAbsent} made its row, so that the usual request of a known installation writes
     * no more than its own row.
     */
    public InstallationClaim claim(EntitlementRequest request, Long registrationId, String clientAddress) {
        if (request.purpose() == Purpose.ONLINE && !installations.advanceSeq(request.install(), request.seq())) {
            return em.find(Installation.class, request.install()) == null ? InstallationClaim.UNKNOWN
                    : InstallationClaim.REPLAY;
        }
        Installation installation = em.find(Installation.class, request.install());
        if (installation == null) {
            return InstallationClaim.UNKNOWN;
        }
        installation.record(request, registrationId, clientAddress, clock.now());
        if (request.usage() != null) {
            installations.replaceUsage(request.install(), request.usage());
        }
        return installation.takePendingReset() ? InstallationClaim.RESET_PENDING : InstallationClaim.ACCEPTED;
    }

    /**
     * Records a poll of a known installation in one statement, the replay guard's conditional update
     * carrying what the request reports (absent fields keep what was reported before), and its usage
     * when it changed: one more statement, two when features it held before are gone and others held.
     *
     * @param usage the usage to store, or null when it did not change
     * @param storedFeatures the features of the usage stored so far
     * @return false when the request is a replay: nothing is written
     */
    public boolean recordSteady(EntitlementRequest request, String clientAddress, Instant now, List<FeatureUsage> usage,
            Set<Integer> storedFeatures) {
        if (!installations.recordPoll(request, clientAddress, now)) {
            return false;
        }
        if (usage != null) {
            installations.storeUsage(request.install(), usage, storedFeatures);
        }
        return true;
    }

    /**
     * Creates an installation at its first request together with its bindings, under the
     * registration's claim lock: the installation's row is written only while each license to bind
     * still has a free seat and is not revoked (read after the lock, so a seat taken by a claim that
     * held the lock before is seen), then the bindings and their audit events, one statement each, and
     * a {@code binding.created} event per binding, as any activation raises.
     *
     * @throws NotCreated when a seat went or the installation's row exists: the transaction rolls back
     */
    public void createBound(EntitlementRequest request, RegistrationKey registration, Actor actor, Instant now,
            List<Long> licenses, List<Integer> features, List<String> kinds) {
        long registrationId = registration.id();
        RegistrationClaimLock.lock(em, registrationId);
        if (!installations.insertRecordedWhileSeatsFree(request, registrationId, actor.clientAddress(), now, licenses)) {
            throw new NotCreated();
        }
        HostDetails host = request.hostDetails();
        installations.bindAndAudit(host, registrationId, actor, now, licenses, features, kinds);
        features.forEach(feature -> lifecycle.fire(
                LifecycleEvent.bindingCreated(registration.number().value(), host.id(), feature, now)));
        if (request.usage() != null && !request.usage().isEmpty()) {
            installations.storeUsage(request.install(), request.usage(), Set.of());
        }
    }

    /**
     * Creates the installation's row at its first request with that request recorded in it, as
     * {@link #claim} would record it: the claim of a new installation's request in one statement (two
     * when it reports usage), in a transaction of its own.
     *
     * @return false when the row exists already (a concurrent request made it): nothing is written, and
     *     the request is claimed as usual
     */
    public boolean createClaimed(EntitlementRequest request, long registrationId, String clientAddress) {
        if (!installations.insertRecorded(request, registrationId, clientAddress, clock.now())) {
            return false;
        }
        if (request.usage() != null && !request.usage().isEmpty()) {
            installations.storeUsage(request.install(), request.usage(), Set.of());
        }
        return true;
    }

    /** The first request of an installation could not be answered in one go: the full path decides. */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static class NotCreated extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotCreated() {
            super(null, null, false, false);
        }
    }

    /** Seats of per-session features in use by the registration's other installations that may still run. */
    public Map<Integer, Long> seatsInUseByOthers(Long registrationId, String installId, Instant seenSince) {
        return installations.seatsInUseByOthers(registrationId, installId, seenSince);
    }

    /** The installations of a registration, latest first: for the session monitor and the admin area. */
    public List<Installation> ofRegistration(Long registrationId) {
        return installations.ofRegistration(registrationId);
    }

    /** Called in the transaction of a reset: the installation's next request is refused, once. */
    public void markReset(Long registrationId, String hostId) {
        installations.markReset(registrationId, hostId);
    }
}
