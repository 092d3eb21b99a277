package org.pbxlicensing.service.portal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.license.LicenseSource;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.service.catalog.FeatureCatalog;
import org.pbxlicensing.service.license.TrialService;
import org.pbxlicensing.service.registration.RegistrationClaimLock;

/**
 * Trials of further products, started by the customer in the portal. The products are those the
 * registration form offers (per-host features); the rule is the trial service's, the one the API's
 * activations use: one trial per registration and feature, ever, decided by a claim in the database,
 * so two posts at once start one trial. The once-per-host rule applies when a host first binds to the
 * trial, as for every trial.
 */
@Stateless
public class TrialOffers {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    FeatureCatalog catalog;

    @Inject
    TrialService trials;

    /** The products the registration never had a trial of. */
    public List<Feature> offeredTo(long registrationId) {
        Set<Integer> tried = trials.triedFeatures(registrationId);
        return products().stream().filter(product -> !tried.contains(product.number())).toList();
    }

    /**
     * @throws LicensingException {@code TRIAL_ALREADY_USED} if the registration had a trial of the product,
     *     {@code VALIDATION_FAILED} ({@code feature}, {@code UNKNOWN_FEATURE}) for a number that is no product
     */
    public License start(long registrationId, int featureNumber, Actor customer) {
        Feature product = products().stream()
                .filter(candidate -> candidate.number() == featureNumber)
                .findFirst()
                .orElseThrow(() -> LicensingException.invalid("feature", FieldError.UNKNOWN_FEATURE));
        RegistrationClaimLock.lock(em, registrationId);
        return trials.startTrial(em.find(Registration.class, registrationId), product, LicenseSource.PORTAL, customer);
    }

    private List<Feature> products() {
        return catalog.all().stream().filter(feature -> feature.countingMode() == CountingMode.PER_HOST).toList();
    }
}
