package org.pbxlicensing.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.eula.EulaText;
import org.pbxlicensing.domain.eula.EulaVersion;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.check.HostLicense;
import org.pbxlicensing.service.portal.CustomerPortal;
import org.pbxlicensing.web.request.ClientRequest;

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

    private transient Registration registration;
    private transient List<HostLicense> licenses;
    private transient List<EulaVersion> agreements;

    @Inject
    Language language;
    private String coupon;

    @PostConstruct
    void load() {
        registration = portal.registration(customer.registrationId());
        licenses = portal.activeLicenses(customer.registrationId());
        agreements = portal.pendingAgreements(customer.registrationId());
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
