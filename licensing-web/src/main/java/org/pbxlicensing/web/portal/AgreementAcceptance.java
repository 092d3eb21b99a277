package org.pbxlicensing.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.service.portal.CustomerPortal;
import org.pbxlicensing.web.request.ClientRequest;

/** The customer accepts an agreement, from the licenses page or the agreements page; the page says how it went. */
@RequestScoped
public class AgreementAcceptance {

    @Inject
    CustomerPortal portal;

    @Inject
    CustomerSession customer;

    @Inject
    ClientRequest client;

    @RetryOnConflict
    public void accept(long versionId) {
        try {
            portal.acceptAgreement(customer.registrationId(), versionId,
                    new Actor(ActorType.PORTAL, null, client.address()));
            PageMessages.info("eula.accepted");
        } catch (LicensingException e) {
            PageMessages.failure(e.failure());
        }
    }
}
