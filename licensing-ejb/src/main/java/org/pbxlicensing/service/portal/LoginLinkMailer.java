package org.pbxlicensing.service.portal;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.logging.Logger;
import org.pbxlicensing.domain.mail.EmailMask;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.infrastructure.config.MailSettings;
import org.pbxlicensing.service.mail.ComposedMail;
import org.pbxlicensing.service.mail.MailComposer;
import org.pbxlicensing.service.mail.SmtpMailer;

/**
 * Mails a login link straight from memory, off the request's thread, in the language of the email's latest
 * registration. Unlike other mails it does not pass through the outbox: the outbox would have to store the
 * token, and a link lives 15 minutes anyway; a link whose mail failed is simply asked for again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoginLinkMailer {

    private static final Logger LOG = Logger.getLogger(LoginLinkMailer.class.getName());
    static final String PAGE = "login-link-open.xhtml";

    @Inject
    LoginLinks links;

    @Inject
    SmtpMailer smtp;

    @Inject
    MailSettings settings;

    @Asynchronous
    public void send(LoginLinkMinted minted) {
        String to = EmailMask.masked(minted.email());
        List<Registration> opened = links.openedBy(minted.email());
        var own = LoginLinks.latest(opened.stream()
                .filter(registration -> registration.email().equals(minted.email())).toList());
        if (own.isEmpty()) {
            LOG.info(() -> "Login link asked for " + to + ", which has no registrations: nothing mailed");
            return;
        }
        String link = settings.portalPage(PAGE) + "?token=" + minted.token().value();
        ComposedMail mail = MailComposer.loginLink(minted.email(), own.get().language(), link, opened.size());
        if (!settings.smtpConfigured()) {
            LOG.info(() -> "Login link not mailed, no SMTP host is configured (LICENSING_SMTP_HOST): " + mail.summary());
            return;
        }
        try {
            smtp.send(mail);
            LOG.info(() -> "Mail sent: " + mail.summary());
        } catch (MessagingException | RuntimeException e) {
            LOG.warning(() -> "Login link not mailed (" + mail.summary() + "), the customer may ask again: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
