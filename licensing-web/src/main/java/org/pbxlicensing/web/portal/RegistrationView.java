package org.pbxlicensing.web.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.registration.RegistrationForm;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.service.catalog.FeatureCatalog;
import org.pbxlicensing.service.registration.RegistrationService;
import org.pbxlicensing.web.request.ClientRequest;

/** The registration form: the same rules and messages as the API, field by field. */
@Named
@ViewScoped
public class RegistrationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RegistrationService registrations;

    @Inject
    FeatureCatalog catalog;

    @Inject
    ClientRequest client;

    @Inject
    Language language;

    private String company;
    private String contactPerson;
    private String email;
    private String phone;
    private String taxId;
    private String country;
    private String city;
    private int feature = RegistrationForm.DEFAULT_FEATURE;
    private boolean consent;

    @Inject
    RegistrationOutcome outcome;

    /** Registers, or finds this email's and company's registration of the last day, then redirects to the outcome. */
    @RetryOnConflict
    public String register() {
        var form = new RegistrationForm(blankToNull(company), blankToNull(contactPerson), blankToNull(email),
                blankToNull(phone), blankToNull(taxId), blankToNull(country), blankToNull(city), feature, consent);
        try {
            registrations.registerOnce(form, language.getCode(), new Actor(ActorType.PORTAL, null, client.address()))
                    .ifPresentOrElse(receipt -> outcome.registered(receipt.number().value(), receipt.trial().endsAt()),
                            () -> outcome.repeated(form.email()));
            return "/registered?faces-redirect=true";
        } catch (LicensingException e) {
            TooManyAttempts.answerWith429(e);
            PageMessages.refusal(e, "registration", "register.field.");
            return null;
        }
    }

    public List<Feature> getProducts() {
        return catalog.all().stream().filter(f -> f.countingMode() == CountingMode.PER_HOST).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public void setContactPerson(String contactPerson) {
        this.contactPerson = contactPerson;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public int getFeature() {
        return feature;
    }

    public void setFeature(int feature) {
        this.feature = feature;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }
}
