package org.pbxlicensing.service.check;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.eula.EulaStatus;
import org.pbxlicensing.domain.license.HostStatus;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.infrastructure.metrics.CountedOperation;
import org.pbxlicensing.infrastructure.metrics.CountedOutcome;
import org.pbxlicensing.infrastructure.metrics.Meters;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.binding.HeldSeat;
import org.pbxlicensing.service.binding.HostActivation;
import org.pbxlicensing.service.certificate.CertificateContent;
import org.pbxlicensing.service.certificate.CertificateIssuer;
import org.pbxlicensing.service.certificate.CertifiedFeature;
import org.pbxlicensing.service.check.HostStateReader.CommittedRegistration;
import org.pbxlicensing.service.eula.EulaCatalog;
import org.pbxlicensing.service.registration.RegistrationKey;
import org.pbxlicensing.service.registration.RegistrationLookup;

/**
 * Answers "what may this host run?" without binding anything, and whether its registration still has
 * to accept the agreement of a feature it runs (which never withholds the feature). It writes nothing:
 * that a host was seen is noted in {@link SeenBindings}, at most once per
 * {@link HostBinding#LAST_SEEN_RESOLUTION} per binding, and written in batches by {@link SeenBindingsWriter}.
 * A check outside any transaction reads the registration by its number with its {@link StateVersions}
 * and answers from the host's state kept in {@link CheckedHosts} while they are unchanged. Not an EJB: it joins the
 * caller's transaction where there is one (an activation's report) and runs without one for checks,
 * so a check crosses no EJB container.
 */
@ApplicationScoped
public class CheckService {

    /** Checks by where the host's state came from: {@code kept} in this node's memory, or {@code read}. */
    static final String STATES = "licensing.check.states";

    @Inject
    RegistrationLookup registrations;

    @Inject
    HostStateReader states;

    @Inject
    CheckedHosts checkedHosts;

    @Inject
    CertificateIssuer certificates;

    @Inject
    EulaCatalog eulas;

    @Inject
    LicensingSettings settings;

    @Inject
    ServerClock clock;

    @Inject
    SeenBindings seen;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Meters meters;

    /**
     * Without a transaction the registration is found by its number in the same statement that reads
     * its versions, and the host's state kept for those versions is used again; inside one (no caller
     * has one today) everything is read, its own writes included, and nothing is kept.
     */
    @CountedOutcome(CountedOperation.CHECK)
    public HostReport check(String registrationNumber, String hostId, String client) {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            RegistrationKey registration = registrations.requireKey(registrationNumber, client);
            return report(registration, hostId, states.readInTransaction(registration.id(), hostId));
        }
        CommittedRegistration registration =
                registrations.requireCounted(registrationNumber, client, states::committedRegistration);
        return report(registration.key(), hostId, currentState(registration, hostId));
    }

    /**
     * The report of a host just activated, inside the activation's transaction: from the bindings the
     * activation read and wrote, and the agreements its registration accepted, as the activation read them.
     */
    public HostReport report(HostActivation activation) {
        List<HostState.HeldLicense> held = activation.held().stream().map(HostStateReader::heldLicense).toList();
        return report(activation.registration(), activation.binding().hostId(),
                new HostState(null, held, false, activation.acceptedEulaVersions()), activation.catalogueVersion());
    }

    /** What the host may run after an activation, from the bindings the activation read and wrote. */
    public List<HostLicense> features(HostActivation activation) {
        return features(activation.held());
    }

    /** What the host may run now, from its active bindings as read by the caller. */
    public List<HostLicense> features(List<HeldSeat> bindings) {
        List<HostState.HeldLicense> held = bindings.stream().map(HostStateReader::heldLicense).toList();
        return features(new HostState(null, held, false, Set.of()), clock.now());
    }

    /** What the host is bound to and may run now, without agreement or certificate (LicenseV2 signs its own token). */
    public List<HostLicense> features(long registrationId, String hostId) {
        // Features depend neither on a release nor on agreements: the bindings alone are read.
        return features(new HostState(null, states.held(registrationId, hostId), false, Set.of()), clock.now());
    }

    private HostState currentState(CommittedRegistration registration, String hostId) {
        long registrationId = registration.key().id();
        Optional<HostState> kept = checkedHosts.find(registrationId, hostId, registration.state().versions());
        meters.counter(STATES, "source", kept.isPresent() ? "kept" : "read").increment();
        return kept.orElseGet(() -> {
            HostState read = states.read(registrationId, hostId, registration.state());
            checkedHosts.keep(registrationId, hostId, read);
            return read;
        });
    }

    private HostReport report(RegistrationKey registration, String hostId, HostState state) {
        return report(registration, hostId, state, state.versions() == null ? null : state.versions().catalogue());
    }

    /** @param catalogueVersion the catalogue's version as read with the state; null when it was not */
    private HostReport report(RegistrationKey registration, String hostId, HostState state, Long catalogueVersion) {
        Instant now = clock.now();
        List<HostLicense> features = features(state, now);
        HostStatus status = HostStatus.of(
                state.held().stream().map(HostState.HeldLicense::license).toList(), state.released(), now);
        List<Integer> licensed = features.stream().map(f -> f.license().feature().number()).toList();
        EulaStatus eula = EulaStatus.of(catalogueVersion == null
                        ? eulas.currentFor(licensed)
                        : eulas.currentFor(licensed, catalogueVersion),
                version -> state.accepted(version.id()));
        var certificate = certificates.issue(new CertificateContent(registration.number().value(), hostId,
                features.stream().map(CheckService::certified).toList()), now, issuedAt -> validUntil(features, issuedAt));
        return new HostReport(registration.number(), hostId, status, features, eula, now,
                certificate.validUntil(), certificate.jws(), settings.pollSeconds());
    }

    private List<HostLicense> features(HostState state, Instant now) {
        state.sightingsToNote(now, HostBinding.LAST_SEEN_RESOLUTION)
                .forEach(held -> seen.note(held.bindingId(), now));
        return state.held().stream()
                .sorted(Comparator.comparingInt(held -> held.license().feature().number()))
                .filter(held -> held.license().isActiveAt(now))
                .map(held -> new HostLicense(held.license(), held.seatsUsed()))
                .toList();
    }

    /** The offline lease, but never past the end of a feature the certificate lists. */
    private Instant validUntil(List<HostLicense> features, Instant issuedAt) {
        Instant lease = issuedAt.plus(settings.certificateLease());
        return features.stream()
                .map(f -> f.license().endsAt())
                .filter(Objects::nonNull)
                .filter(end -> end.isBefore(lease))
                .min(Comparator.naturalOrder())
                .orElse(lease);
    }

    private static CertifiedFeature certified(HostLicense feature) {
        License license = feature.license();
        return new CertifiedFeature(license.feature().number(), license.kind().name(), license.endsAt());
    }
}
