package org.pbxlicensing.service.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.pbxlicensing.domain.catalog.Feature;

/** The statements on the feature catalogue. */
@ApplicationScoped
public class FeatureQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    /**
     * The version of the feature catalogue and its agreements, which database triggers raise with every
     * change of either.
     */
    public long catalogueVersion() {
        return ((Number) em.createNativeQuery("SELECT version FROM catalogue_state WHERE id = 1")
                .getSingleResult()).longValue();
    }

    /** Every feature, by number. */
    public List<Feature> allFeatures() {
        return em.createQuery("select f from Feature f order by f.number", Feature.class).getResultList();
    }

    /** The features that release silent hosts, by number. */
    public List<Feature> featuresReleasingSilentHosts() {
        return em.createQuery("select f from Feature f where f.releaseSilentAfterDays is not null order by f.number",
                Feature.class).getResultList();
    }

    /** A page of the features, by number. */
    public List<Feature> features(int offset, int limit) {
        return em.createQuery("select f from Feature f order by f.number", Feature.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long featureCount() {
        return em.createQuery("select count(f) from Feature f", Long.class).getSingleResult();
    }

    /**
     * Inserts the feature unless its number exists: of two adding one number at once, one adds it.
     *
     * @return whether it was added
     */
    public boolean addUnlessNumberTaken(Feature feature) {
        return em.createNativeQuery("""
                        INSERT IGNORE INTO feature
                            (number, name, counting_mode, trial_days, trial_seats, release_silent_after_days)
                        VALUES (?, ?, ?, ?, ?, NULLIF(?, 0))""")
                .setParameter(1, feature.number())
                .setParameter(2, feature.name())
                .setParameter(3, feature.countingMode().name())
                .setParameter(4, feature.trialDays())
                .setParameter(5, feature.trialSeats())
                .setParameter(6, feature.releaseSilentAfterDays() == null ? 0 : feature.releaseSilentAfterDays())
                .executeUpdate() == 1;
    }

    /** Whether any license, in any state, is of the feature. */
    public boolean hasLicenses(int featureNumber) {
        return !em.createQuery("select l.id from License l where l.feature.number = :feature", Long.class)
                .setParameter("feature", featureNumber)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
