package org.pbxlicensing.service.mail;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.util.Optional;
import java.util.logging.Logger;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.infrastructure.config.MailSettings;

/**
 * Delivers mails of the outbox, outside any transaction so that a slow SMTP server holds no database
 * row: claim (own transaction), compose, send, record the outcome (own transaction).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());
    static final int BATCH = 50;

    @Inject
    MailOutbox outbox;

    @Inject
    SmtpMailer smtp;

    @Inject
    MailSettings settings;

    /** A mail just committed, sent off the request's thread. */
    @Asynchronous
    public void dispatch(long mailId) {
        deliver(mailId);
    }

    /** Every mail that is due: retries, and new mails whose prompt dispatch did not happen. */
    public void dispatchDue() {
        outbox.due(BATCH).forEach(this::deliver);
    }

    private void deliver(long mailId) {
        Optional<ClaimedMail> claimed = outbox.claim(mailId);
        if (claimed.isEmpty()) {
            return;
        }
        Optional<ComposedMail> composed = MailComposer.compose(claimed.get(), settings.portalLink());
        if (composed.isEmpty()) {
            outbox.skipped(mailId, "no registration to tell about");
            return;
        }
        ComposedMail mail = composed.get();
        if (!settings.smtpConfigured()) {
            LOG.info(() -> "Mail " + mailId + " not sent, no SMTP host is configured (LICENSING_SMTP_HOST): "
                    + mail.summary());
            outbox.skipped(mailId, "no SMTP host configured");
            return;
        }
        try {
            smtp.send(mail);
        } catch (AddressException e) {
            outbox.refused(mailId, describe(e));
            LOG.warning(() -> "Mail " + mailId + " refused for good: " + mail.summary() + ": " + describe(e));
            return;
        } catch (MessagingException | RuntimeException e) {
            OutboxMail failed = outbox.attemptFailed(mailId, describe(e));
            LOG.warning(() -> "Mail " + mailId + " not sent (" + mail.summary() + "), attempt " + failed.attempts()
                    + (failed.nextAttemptAt() == null ? ", given up" : ", next at " + failed.nextAttemptAt())
                    + ": " + describe(e));
            return;
        }
        outbox.sent(mailId);
        LOG.info(() -> "Mail " + mailId + " sent: " + mail.summary());
    }

    private static String describe(Exception e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return e.getCause() == null ? message : message + " (" + e.getCause().getMessage() + ")";
    }
}
