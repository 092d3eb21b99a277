package org.pbxlicensing.service.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.catalog.Feature;

/** Reads the feature catalogue. */
@Stateless
public class FeatureCatalog {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    FeatureQueries queries;

    public List<Feature> all() {
        return queries.allFeatures();
    }

    public Optional<Feature> find(int number) {
        return Optional.ofNullable(em.find(Feature.class, number));
    }
}
