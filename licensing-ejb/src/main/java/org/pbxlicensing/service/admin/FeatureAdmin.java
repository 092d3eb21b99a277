package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.catalog.FeatureDraft;
import org.pbxlicensing.domain.catalog.FeatureDraftRules;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.service.audit.AuditLog;

/**
 * The feature catalogue for staff: everyone reads it, admins add features and change them. A
 * feature that has licenses keeps its counting mode, since its seats were counted that way.
 */
@Stateless
@DeclareRoles({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
@RolesAllowed({StaffRoles.ADMIN, StaffRoles.SUPPORT, StaffRoles.VIEWER})
public class FeatureAdmin {

    static final String IN_USE = "IN_USE";

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    AuditLog audit;

    public long count() {
        return em.createQuery("select count(f) from Feature f", Long.class).getSingleResult();
    }

    public List<Feature> page(int offset, int limit) {
        return em.createQuery("select f from Feature f order by f.number", Feature.class)
                .setFirstResult(Math.max(offset, 0))
                .setMaxResults(Math.min(Math.max(limit, 1), 200))
                .getResultList();
    }

    /** Adds the feature, or changes the one with its number. */
    @RolesAllowed(StaffRoles.ADMIN)
    public Feature save(FeatureDraft draft, Actor staff) {
        List<FieldError> errors = new ArrayList<>(FeatureDraftRules.violations(draft));
        if (!errors.isEmpty()) {
            throw LicensingException.invalid(errors);
        }
        if (claimNumber(new Feature(draft))) {
            Feature added = em.find(Feature.class, draft.number());
            audit.record(staff, "FEATURE_ADDED", null, "feature " + draft.number(), describe(added));
            return added;
        }
        Feature feature = em.find(Feature.class, draft.number(), LockModeType.PESSIMISTIC_WRITE);
        if (feature.countingMode() != draft.countingMode() && hasLicenses(draft.number())) {
            throw LicensingException.invalid("countingMode", IN_USE);
        }
        String before = describe(feature);
        feature.change(draft);
        audit.record(staff, "FEATURE_CHANGED", null, "feature " + draft.number(),
                before + " -> " + describe(feature));
        return feature;
    }

    /**
     * Inserts the feature unless its number exists. Two admins adding one number at once both reach
     * this insert: one adds it, the other then changes it, instead of failing on the primary key.
     */
    private boolean claimNumber(Feature feature) {
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

    private boolean hasLicenses(int featureNumber) {
        return !em.createQuery("select l.id from License l where l.feature.number = :feature", Long.class)
                .setParameter("feature", featureNumber)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private static String describe(Feature feature) {
        return "'" + feature.name() + "', " + feature.countingMode() + ", trial " + feature.trialDays() + " day(s) "
                + feature.trialSeats() + " seat(s), silent hosts released "
                + (feature.releaseSilentAfterDays() == null ? "never" : "after " + feature.releaseSilentAfterDays()
                        + " day(s)");
    }
}
