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
import org.pbxlicensing.service.catalog.FeatureQueries;

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
    FeatureQueries queries;

    @Inject
    AuditLog audit;

    public long count() {
        return queries.featureCount();
    }

    public List<Feature> page(int offset, int limit) {
        return queries.features(Math.max(offset, 0), Math.min(Math.max(limit, 1), 200));
    }

    /** Adds the feature, or changes the one with its number. */
    @RolesAllowed(StaffRoles.ADMIN)
    public Feature save(FeatureDraft draft, Actor staff) {
        List<FieldError> errors = new ArrayList<>(FeatureDraftRules.violations(draft));
        if (!errors.isEmpty()) {
            throw LicensingException.invalid(errors);
        }
        // Two admins adding one number at once both reach the insert: one adds the feature, the other
        // then changes it, instead of failing on the primary key.
        if (queries.addUnlessNumberTaken(new Feature(draft))) {
            Feature added = em.find(Feature.class, draft.number());
            audit.record(staff, "FEATURE_ADDED", null, "feature " + draft.number(), describe(added));
            return added;
        }
        Feature feature = em.find(Feature.class, draft.number(), LockModeType.PESSIMISTIC_WRITE);
        if (feature.countingMode() != draft.countingMode() && queries.hasLicenses(draft.number())) {
            throw LicensingException.invalid("countingMode", IN_USE);
        }
        String before = describe(feature);
        feature.change(draft);
        audit.record(staff, "FEATURE_CHANGED", null, "feature " + draft.number(),
                before + " -> " + describe(feature));
        return feature;
    }

    private static String describe(Feature feature) {
        return "'" + feature.name() + "', " + feature.countingMode() + ", trial " + feature.trialDays() + " day(s) "
                + feature.trialSeats() + " seat(s), silent hosts released "
                + (feature.releaseSilentAfterDays() == null ? "never" : "after " + feature.releaseSilentAfterDays()
                        + " day(s)");
    }
}
