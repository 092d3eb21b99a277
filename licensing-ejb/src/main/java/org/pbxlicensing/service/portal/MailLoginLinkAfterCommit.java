package org.pbxlicensing.service.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Mails a login link once the link is stored: a link that did not commit would only be refused. */
@ApplicationScoped
public class MailLoginLinkAfterCommit {

    @Inject
    LoginLinkMailer mailer;

    void mail(@Observes(during = TransactionPhase.AFTER_SUCCESS) LoginLinkMinted minted) {
        mailer.send(minted);
    }
}
