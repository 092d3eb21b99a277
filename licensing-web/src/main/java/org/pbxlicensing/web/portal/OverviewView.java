package org.pbxlicensing.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.eula.EulaText;
import org.pbxlicensing.domain.eula.EulaVersion;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.check.HostLicense;
import org.pbxlicensing.service.portal.CustomerPortal;
import org.pbxlicensing.service.portal.TrialOffers;
import org.pbxlicensing.web.request.ClientRequest;
import org.pbxlicensing.web.text.ProductNames;

/** The customer's registration and its active licenses; activating a coupon. */
@Named
@ViewScoped
public class OverviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CustomerPortal portal;

    @Inject
    CustomerSession customer;

    @Inject
    AgreementAcceptance acceptance;

    @Inject
    ClientRequest client;

    @Inject
    ServerClock clock;

    @Inject
    TrialOffers trials;

    private transient Registration registration;
    private transient List<HostLicense> licenses;
    private transient List<EulaVersion> agreements;
    private transient List<Feature> trialOffers;

    @Inject
    Language language;

    @Inject
    ProductNames productNames;

    @Inject
    Dates dates;
    private String coupon;

    @PostConstruct
    void load() {
        registration = portal.registration(customer.registrationId());
        licenses = portal.activeLicenses(customer.registrationId());
        agreements = portal.pendingAgreements(customer.registrationId());
        trialOffers = trials.offeredTo(customer.registrationId());
    }

    public void accept(long versionId) {
        acceptance.accept(versionId);
        load();
    }

    public List<EulaVersion> getAgreements() {
        if (agreements == null) {
            load();
        }
        return agreements;
    }

    public EulaText text(EulaVersion version) {
        return version.text(language.getCode());
    }

    @RetryOnConflict
    public void activateCoupon() {
        try {
            portal.activateCoupon(customer.registrationId(), coupon,
                    new Actor(ActorType.PORTAL, null, client.address()));
            coupon = null;
            PageMessages.info("coupon.activated");
            load();
        } catch (LicensingException e) {
            TooManyAttempts.answerWith429(e);
            PageMessages.failure(e.failure());
        }
    }

    /**
     * Starts a trial of the product the offer's form names, and shows it on its license page. The form's
     * product is whatever was posted: the trial rule, not the offer on the page, decides.
     */
    @RetryOnConflict
    public String startTrial() {
        String product = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("product");
        try {
            License trial = trials.start(customer.registrationId(), productNumber(product),
                    new Actor(ActorType.PORTAL, null, client.address()));
            PageMessages.infoOnNextPage("trial.started", productNames.of(trial.feature()), dates.date(trial.endsAt()));
            return "/portal/license?faces-redirect=true&id=" + trial.id();
        } catch (LicensingException e) {
            PageMessages.failure("trial.refused.", e.failure());
            load();
            return null;
        }
    }

    private static int productNumber(String posted) {
        try {
            return Integer.parseInt(posted == null ? "" : posted.strip());
        } catch (NumberFormatException e) {
            throw LicensingException.invalid("feature", FieldError.UNKNOWN_FEATURE);
        }
    }

    public List<Feature> getTrialOffers() {
        if (trialOffers == null) {
            load();
        }
        return trialOffers;
    }

    public Long daysLeft(HostLicense license) {
        return license.license().daysLeftAt(clock.now());
    }

    public Registration getRegistration() {
        if (registration == null) {
            load();
        }
        return registration;
    }

    public List<HostLicense> getLicenses() {
        if (licenses == null) {
            load();
        }
        return licenses;
    }

    public String getCoupon() {
        return coupon;
    }

    public void setCoupon(String coupon) {
        this.coupon = coupon;
    }
}
