package org.pbxlicensing.service.eula;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.eula.EulaVersion;
import org.pbxlicensing.infrastructure.time.ServerClock;

/** Reads which version of a feature's agreement is in force. */
@ApplicationScoped
public class EulaCatalog {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    ServerClock clock;

    @Inject
    PublishedEulas published;

    /** The version in force for the feature; empty for a feature without an agreement or an unknown one. */
    public Optional<EulaVersion> current(int featureNumber) {
        return currentFor(List.of(featureNumber)).stream().findFirst();
    }

    /** The versions in force for those of the features that have an agreement, in feature order. */
    public List<EulaVersion> currentFor(Collection<Integer> featureNumbers) {
        return featureNumbers.isEmpty() ? List.of() : currentFor(featureNumbers, published.catalogueVersion());
    }

    /** As {@link #currentFor(Collection)}, for a caller that has just read the feature catalogue's version. */
    public List<EulaVersion> currentFor(Collection<Integer> featureNumbers, long catalogueVersion) {
        Instant now = clock.now();
        return featureNumbers.stream()
                .distinct()
                .sorted()
                .map(feature -> EulaVersion.current(published.of(feature, catalogueVersion), now))
                .flatMap(Optional::stream)
                .toList();
    }

    public boolean exists(int featureNumber, String version) {
        return !em.createQuery("""
                        select v.id from EulaVersion v
                        where v.featureNumber = :feature and v.version = :version""", Long.class)
                .setParameter("feature", featureNumber)
                .setParameter("version", version)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
