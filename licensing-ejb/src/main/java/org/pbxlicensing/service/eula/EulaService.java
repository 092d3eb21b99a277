package org.pbxlicensing.service.eula;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.eula.EulaDraft;
import org.pbxlicensing.domain.eula.EulaDraftRules;
import org.pbxlicensing.domain.eula.EulaAcceptance;
import org.pbxlicensing.domain.eula.EulaStatus;
import org.pbxlicensing.domain.eula.EulaVersion;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.infrastructure.time.DatabaseTimes;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.catalog.FeatureCatalog;
import org.pbxlicensing.service.registration.RegistrationLookup;

/**
 * Publishes agreements (staff) and records their acceptance (a PBX, for its registration). An
 * acceptance belongs to the registration: once it accepted the version in force, none of its hosts
 * is asked again until a newer version is published.
 */
@Stateless
public class EulaService {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    EulaCatalog catalog;

    @Inject
    FeatureCatalog features;

    @Inject
    RegistrationLookup registrations;

    @Inject
    AuditLog audit;

    @Inject
    ServerClock clock;

    /** A new version, in force at once for every registration: each has to accept it again. */
    public EulaVersion publish(EulaDraft draft, Actor actor) {
        List<FieldError> errors = new ArrayList<>(EulaDraftRules.violations(draft));
        if (features.find(draft.feature()).isEmpty()) {
            errors.add(new FieldError("feature", FieldError.UNKNOWN_FEATURE));
        } else if (errors.isEmpty() && catalog.exists(draft.feature(), draft.version())) {
            errors.add(new FieldError("version", "ALREADY_PUBLISHED"));
        }
        if (!errors.isEmpty()) {
            throw LicensingException.invalid(errors);
        }
        var version = new EulaVersion(draft, clock.now());
        em.persist(version);
        audit.record(actor, "EULA_PUBLISHED", null, "feature " + draft.feature(), "version " + draft.version());
        return version;
    }

    /**
     * Records that the registration accepted the version, which must be in force for a feature the
     * host is bound to. Accepting again changes nothing.
     */
    public void accept(String registrationNumber, String hostId, String version, Actor actor) {
        Registration registration = registrations.require(registrationNumber, actor.clientAddress());
        List<Integer> bound = boundFeatures(registration, hostId);
        if (bound.isEmpty()) {
            throw new LicensingException(Failure.BINDING_NOT_FOUND);
        }
        List<EulaVersion> current = catalog.currentFor(bound);
        List<EulaVersion> accepted = current.stream().filter(v -> v.version().equals(version)).toList();
        if (accepted.isEmpty()) {
            throw notCurrent(registration, current);
        }
        Instant now = clock.now();
        for (EulaVersion eula : accepted) {
            int recorded = em.createNativeQuery("""
                            INSERT IGNORE INTO eula_acceptance
                                (registration_id, eula_version_id, host_id, client_address, accepted_at)
                            VALUES (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, registration.id())
                    .setParameter(2, eula.id())
                    .setParameter(3, hostId)
                    .setParameter(4, actor.clientAddress())
                    .setParameter(5, now)
                    .executeUpdate();
            if (recorded == 1) {
                audit.record(actor, "EULA_ACCEPTED", registration.id(), "host " + hostId,
                        "feature " + eula.featureNumber() + ", version " + eula.version());
            }
        }
    }

    /** The agreements in force for the registration's licensed features that it has not accepted yet. */
    public List<EulaVersion> pendingFor(Registration registration, List<Integer> featureNumbers) {
        List<EulaVersion> current = catalog.currentFor(featureNumbers);
        Set<Long> accepted = acceptedIds(registration.id(), current);
        return current.stream().filter(version -> !accepted.contains(version.id())).toList();
    }

    /**
     * A customer accepts an agreement in the portal, for the whole registration (no host: the
     * empty host id), where it must be the version in force for a feature it is licensed for.
     */
    public void acceptInPortal(Registration registration, List<Integer> licensedFeatures, long versionId,
            Actor customer) {
        EulaVersion eula = catalog.currentFor(licensedFeatures).stream()
                .filter(version -> version.id() == versionId)
                .findFirst()
                .orElseThrow(() -> new LicensingException(Failure.EULA_VERSION_NOT_CURRENT));
        int recorded = em.createNativeQuery("""
                        INSERT IGNORE INTO eula_acceptance
                            (registration_id, eula_version_id, host_id, client_address, accepted_at)
                        VALUES (?1, ?2, '', ?3, ?4)""")
                .setParameter(1, registration.id())
                .setParameter(2, eula.id())
                .setParameter(3, customer.clientAddress())
                .setParameter(4, clock.now())
                .executeUpdate();
        if (recorded == 1) {
            audit.record(customer, "EULA_ACCEPTED", registration.id(), "portal",
                    "feature " + eula.featureNumber() + ", version " + eula.version());
        }
    }

    /** The agreements in force for the features, accepted or not. */
    public List<EulaVersion> currentFor(List<Integer> featureNumbers) {
        return catalog.currentFor(featureNumbers);
    }

    /** Which of the versions the registration has accepted, in the portal or on any host. */
    public Set<Long> acceptedOf(long registrationId, List<EulaVersion> versions) {
        return acceptedIds(registrationId, versions);
    }

    /** Every acceptance of the registration, newest first: which version, when, and on which host. */
    public List<EulaAcceptance> acceptancesOf(long registrationId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT v.feature_number, v.version, v.title_ru, v.title_en, a.host_id, a.accepted_at
                        FROM eula_acceptance a JOIN eula_version v ON v.id = a.eula_version_id
                        WHERE a.registration_id = ?1
                        ORDER BY a.accepted_at DESC, v.feature_number, a.host_id
                        LIMIT 500""")
                .setParameter(1, registrationId)
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new EulaAcceptance(((Number) row[0]).intValue(),
                (String) row[1], (String) row[2], (String) row[3], (String) row[4], DatabaseTimes.instant(row[5]))).toList();
    }

    /** Whether the registration still has to accept an agreement of the features. */
    private EulaStatus statusOf(long registrationId, List<EulaVersion> current) {
        Set<Long> accepted = acceptedIds(registrationId, current);
        return EulaStatus.of(current, version -> accepted.contains(version.id()));
    }

    /** The refusal names the version to accept instead, if the host has one. */
    private LicensingException notCurrent(Registration registration, List<EulaVersion> current) {
        String expected = statusOf(registration.id(), current).version();
        return expected == null ? new LicensingException(Failure.EULA_VERSION_NOT_CURRENT)
                : new LicensingException(Failure.EULA_VERSION_NOT_CURRENT, Map.of("currentVersion", expected));
    }

    private List<Integer> boundFeatures(Registration registration, String hostId) {
        return em.createQuery("""
                        select distinct b.featureNumber from HostBinding b
                        where b.registrationId = :registration and b.hostId = :host and b.releasedAt is null
                        order by b.featureNumber""", Integer.class)
                .setParameter("registration", registration.id())
                .setParameter("host", hostId)
                .getResultList();
    }

    private Set<Long> acceptedIds(long registrationId, List<EulaVersion> versions) {
        if (versions.isEmpty()) {
            return Set.of();
        }
        List<?> ids = em.createNativeQuery("""
                        SELECT DISTINCT eula_version_id FROM eula_acceptance
                        WHERE registration_id = :registration AND eula_version_id IN (:versions)""")
                .setParameter("registration", registrationId)
                .setParameter("versions", versions.stream().map(EulaVersion::id).toList())
                .getResultList();
        Set<Long> accepted = new HashSet<>();
        ids.forEach(id -> accepted.add(((Number) id).longValue()));
        return accepted;
    }
}
