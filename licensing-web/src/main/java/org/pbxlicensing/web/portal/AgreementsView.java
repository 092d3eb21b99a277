package org.pbxlicensing.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.eula.EulaAcceptance;
import org.pbxlicensing.domain.eula.EulaText;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.service.portal.CurrentAgreement;
import org.pbxlicensing.service.portal.CustomerPortal;
import org.pbxlicensing.web.request.ClientRequest;

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
    ClientRequest client;

    @Inject
    Language language;

    private transient List<CurrentAgreement> current;
    private transient List<EulaAcceptance> history;

    @PostConstruct
    void load() {
        current = portal.currentAgreements(customer.registrationId());
        history = portal.agreementHistory(customer.registrationId());
    }

    @RetryOnConflict
    public void accept(long versionId) {
        try {
            portal.acceptAgreement(customer.registrationId(), versionId,
                    new Actor(ActorType.PORTAL, null, client.address()));
            PageMessages.info("eula.accepted");
        } catch (LicensingException e) {
            PageMessages.failure(e.failure());
        }
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
