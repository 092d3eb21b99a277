package org.pbxlicensing.service.check;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.license.HostStatus;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.infrastructure.metrics.CountedOperation;
import org.pbxlicensing.infrastructure.metrics.CountedOutcome;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.certificate.CertificateContent;
import org.pbxlicensing.service.certificate.CertificateIssuer;
import org.pbxlicensing.service.certificate.CertifiedFeature;
import org.pbxlicensing.service.eula.EulaService;
import org.pbxlicensing.service.registration.RegistrationKey;
import org.pbxlicensing.service.registration.RegistrationLookup;

/**
 * Answers "what may this host run?" without binding anything, and whether its registration still has
 * to accept the agreement of a feature it runs (which never withholds the feature). It writes nothing:
 * that a host was seen is noted in {@link SeenBindings}, at most once per
 * {@link HostBinding#LAST_SEEN_RESOLUTION} per binding, and written in batches by {@link SeenBindingsWriter}.
 */
@Stateless
public class CheckService {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    RegistrationLookup registrations;

    @Inject
    CertificateIssuer certificates;

    @Inject
    EulaService eulas;

    @Inject
    LicensingSettings settings;

    @Inject
    ServerClock clock;

    @Inject
    SeenBindings seen;

    @CountedOutcome(CountedOperation.CHECK)
    public HostReport check(String registrationNumber, String hostId, String client) {
        return report(registrations.requireKey(registrationNumber, client), hostId);
    }

    public HostReport report(Registration registration, String hostId) {
        return report(RegistrationKey.of(registration), hostId);
    }

    private HostReport report(RegistrationKey registration, String hostId) {
        Instant now = clock.now();
        HostLicenses bound = hostLicenses(registration, hostId, now);
        List<HostLicense> features = bound.features();
        var eula = eulas.status(registration.id(),
                features.stream().map(f -> f.license().feature().number()).distinct().toList());
        var certificate = certificates.issue(new CertificateContent(registration.number().value(), hostId,
                features.stream().map(CheckService::certified).toList()), now, issuedAt -> validUntil(features, issuedAt));
        return new HostReport(registration.number(), hostId, bound.status(), features, eula, now,
                certificate.validUntil(), certificate.jws(), settings.pollSeconds());
    }

    /** What the host is bound to and may run now, without agreement or certificate (LicenseV2 signs its own token). */
    public List<HostLicense> features(Registration registration, String hostId) {
        return hostLicenses(RegistrationKey.of(registration), hostId, clock.now()).features();
    }

    private record HostLicenses(HostStatus status, List<HostLicense> features) {
    }

    private record BoundLicense(HostBinding binding, long seatsUsed) {
    }

    /** One statement: the host's bindings with their licenses and seat counts (a second if none is bound). */
    private HostLicenses hostLicenses(RegistrationKey registration, String hostId, Instant now) {
        // Fetch joins, not an entity graph: Hibernate translates a query with a graph anew on every call.
        List<BoundLicense> boundLicenses = em.createQuery("""
                        select b, (select count(x) from HostBinding x where x.license = l and x.releasedAt is null)
                        from HostBinding b join fetch b.license l join fetch l.feature
                        where b.registrationId = :registration and b.hostId = :host and b.releasedAt is null""",
                        Object[].class)
                .setParameter("registration", registration.id())
                .setParameter("host", hostId)
                .getResultList().stream()
                .map(row -> new BoundLicense((HostBinding) row[0], (Long) row[1]))
                .toList();
        List<HostBinding> active = boundLicenses.stream().map(BoundLicense::binding).toList();
        List<License> bound = active.stream().map(HostBinding::license).toList();
        HostStatus status = HostStatus.of(bound, active.isEmpty() && wasReleased(registration, hostId), now);
        List<HostLicense> features = boundLicenses.stream()
                .sorted(Comparator.comparingInt(held -> held.binding().featureNumber()))
                .filter(held -> held.binding().license().isActiveAt(now))
                .map(held -> new HostLicense(held.binding().license(), held.seatsUsed()))
                .toList();
        noteSeen(active, now);
        return new HostLicenses(status, features);
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

    private boolean wasReleased(RegistrationKey registration, String hostId) {
        return !em.createQuery("""
                        select b.id from HostBinding b
                        where b.registrationId = :registration and b.hostId = :host and b.releasedAt is not null""",
                        Long.class)
                .setParameter("registration", registration.id())
                .setParameter("host", hostId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private void noteSeen(List<HostBinding> active, Instant now) {
        Instant staleBefore = now.minus(HostBinding.LAST_SEEN_RESOLUTION);
        active.stream()
                .filter(binding -> binding.lastSeenAt().isBefore(staleBefore))
                .forEach(binding -> seen.note(binding.id(), now));
    }
}
