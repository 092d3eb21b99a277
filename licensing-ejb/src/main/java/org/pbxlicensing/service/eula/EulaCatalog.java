package org.pbxlicensing.service.eula;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.pbxlicensing.domain.eula.EulaVersion;
import org.pbxlicensing.infrastructure.time.ServerClock;

/** Reads which version of a feature's agreement is in force. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class EulaCatalog {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    ServerClock clock;

    /** The version in force for the feature; empty for a feature without an agreement or an unknown one. */
    public Optional<EulaVersion> current(int featureNumber) {
        return currentFor(List.of(featureNumber)).stream().findFirst();
    }

    /** The versions in force for those of the features that have an agreement, in feature order. */
    public List<EulaVersion> currentFor(Collection<Integer> featureNumbers) {
        if (featureNumbers.isEmpty()) {
            return List.of();
        }
        Instant now = clock.now();
        Map<Integer, List<EulaVersion>> published = em.createQuery("""
                        select v from EulaVersion v
                        where v.featureNumber in :features and v.publishedAt <= :now""", EulaVersion.class)
                .setParameter("features", featureNumbers)
                .setParameter("now", now)
                .getResultStream()
                .collect(Collectors.groupingBy(EulaVersion::featureNumber, TreeMap::new, Collectors.toList()));
        return published.values().stream()
                .map(versions -> EulaVersion.current(versions, now))
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
