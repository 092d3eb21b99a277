package org.pbxlicensing.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.pbxlicensing.domain.eula.EulaAcceptance;
import org.pbxlicensing.domain.eula.EulaText;
import org.pbxlicensing.service.portal.CurrentAgreement;
import org.pbxlicensing.service.portal.CustomerPortal;

/** The agreements of the customer's products, readable at any time, and the history of their acceptances. */
@Named
@ViewScoped
public class AgreementsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CustomerPortal portal;

    @Inject
    CustomerSession customer;

    @Inject
    AgreementAcceptance acceptance;

    @Inject
    Language language;

    private transient List<CurrentAgreement> current;
    private transient List<EulaAcceptance> history;

    @PostConstruct
    void load() {
        current = portal.currentAgreements(customer.registrationId());
        history = portal.agreementHistory(customer.registrationId());
    }

    public void accept(long versionId) {
        acceptance.accept(versionId);
        load();
    }

    public EulaText text(CurrentAgreement agreement) {
        return agreement.version().text(language.getCode());
    }

    public String title(EulaAcceptance acceptance) {
        return acceptance.title(language.getCode());
    }

    public List<CurrentAgreement> getCurrent() {
        if (current == null) {
            load();
        }
        return current;
    }

    public List<EulaAcceptance> getHistory() {
        if (history == null) {
            load();
        }
        return history;
    }
}
