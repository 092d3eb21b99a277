package org.pbxlicensing.service.licensev2;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.licensev2.EntitlementRequest;
import org.pbxlicensing.domain.licensev2.SeatShare;
import org.pbxlicensing.infrastructure.config.LicenseV2Settings;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.service.binding.BindingService;
import org.pbxlicensing.service.binding.HostActivation;
import org.pbxlicensing.service.binding.HostHoldings;
import org.pbxlicensing.service.binding.RegistrationHoldings;
import org.pbxlicensing.service.check.CheckService;
import org.pbxlicensing.service.check.HostLicense;
import org.pbxlicensing.service.registration.RegistrationKey;
import org.pbxlicensing.service.session.SessionSeats;

/**
 * Decides what an installation may run, through the binding rules every host goes through: it binds
 * the product feature (a trial where the rules allow one) and every per-host feature the registration
 * holds a license of, then takes what the host may run from the check. Without a transaction of its
 * own: each activation commits or rolls back alone, so a feature without a free seat is simply left out.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RetryOnConflict
public class InstallationGrants {

    private static final Set<Failure> FEATURE_UNAVAILABLE = Set.of(Failure.SEATS_EXHAUSTED, Failure.TRIAL_ALREADY_USED);

    @Inject
    SessionSeats sessions;

    @Inject
    BindingService bindings;

    @Inject
    HostHoldings holdings;

    @Inject
    CheckService checks;

    @Inject
    InstallationRegistry installations;

    @Inject
    LicenseV2Settings settings;

    public InstallationGrant grant(RegistrationKey registration, EntitlementRequest request, Actor actor, Instant now) {
        RegistrationHoldings holdings = this.holdings.registration(registration.id(), request.hostId());
        List<License> licenses = holdings.licenses().stream().filter(license -> license.isActiveAt(now)).toList();
        List<HostLicense> features = checks.features(holdings.held());
        Set<Integer> unbound = hostFeatures(licenses);
        features.forEach(bound -> unbound.remove(bound.license().feature().number()));
        Optional<HostActivation> lastBound = Optional.empty();
        for (int feature : unbound) {
            Optional<HostActivation> bound = bind(registration, feature, request, actor);
            if (bound.isPresent()) {
                lastBound = bound;
            }
        }
        if (lastBound.isPresent()) {
            // The last activation read every binding of the host, those its predecessors made included.
            features = checks.features(lastBound.get());
        }
        SortedMap<Integer, Instant> ends = new TreeMap<>();
        for (HostLicense bound : features) {
            ends.put(bound.license().feature().number(), bound.license().endsAt());
        }
        SortedMap<Integer, Integer> seats = sessionSeats(registration, request, licenses, now);
        seats.keySet().forEach(feature -> ends.put(feature, sessionEnd(licenses, feature)));
        return new InstallationGrant(ends, seats);
    }

    private Set<Integer> hostFeatures(List<License> licenses) {
        Set<Integer> features = new TreeSet<>();
        features.add(settings.productFeature());
        licenses.stream()
                .filter(license -> license.feature().countingMode() == CountingMode.PER_HOST)
                .forEach(license -> features.add(license.feature().number()));
        return features;
    }

    private Optional<HostActivation> bind(RegistrationKey registration, int feature, EntitlementRequest request,
            Actor actor) {
        try {
            return Optional.of(bindings.activate(registration, feature, request.hostDetails(), actor));
        } catch (LicensingException refused) {
            if (FEATURE_UNAVAILABLE.contains(refused.failure())) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    private SortedMap<Integer, Integer> sessionSeats(RegistrationKey registration, EntitlementRequest request,
            List<License> licenses, Instant now) {
        Map<Integer, Integer> licensed = licenses.stream()
                .filter(license -> license.feature().countingMode() == CountingMode.PER_SESSION)
                .collect(Collectors.groupingBy(license -> license.feature().number(),
                        Collectors.summingInt(License::seats)));
        Map<Integer, Long> usedByOthers = licensed.isEmpty() ? Map.of()
                : installations.seatsInUseByOthers(registration.id(), request.install(), now.minus(settings.grace()));
        Map<Integer, Long> usedByNativeSessions = licensed.isEmpty() ? Map.of()
                : sessions.liveByFeature(registration.id(), now);
        SortedMap<Integer, Integer> shares = new TreeMap<>();
        licensed.forEach((feature, seats) -> shares.put(feature, SeatShare.of(seats,
                usedByOthers.getOrDefault(feature, 0L) + usedByNativeSessions.getOrDefault(feature, 0L))));
        return shares;
    }

    /** The latest end of the feature's active licenses; null when one of them is perpetual. */
    private static Instant sessionEnd(List<License> licenses, int feature) {
        List<Instant> ends = licenses.stream()
                .filter(license -> license.feature().number() == feature)
                .map(License::endsAt)
                .toList();
        return ends.contains(null) ? null : ends.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }
}
