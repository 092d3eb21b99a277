package org.pbxlicensing.service.catalog;

import jakarta.ejb.Stateless;
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

    public List<Feature> all() {
        return em.createQuery("select f from Feature f order by f.number", Feature.class).getResultList();
    }

    public Optional<Feature> find(int number) {
        return Optional.ofNullable(em.find(Feature.class, number));
    }
}
