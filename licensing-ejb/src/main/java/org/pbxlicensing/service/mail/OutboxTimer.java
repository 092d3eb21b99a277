package org.pbxlicensing.service.mail;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every few seconds, sends what is due in the outbox: retries after SMTP failures, and mails whose
 * dispatch after commit was lost (a node stopped). Runs on every node; claims keep them apart.
 */
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxTimer {

    private static final Logger LOG = Logger.getLogger(OutboxTimer.class.getName());

    @Inject
    MailDispatcher dispatcher;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sendDue() {
        try {
            dispatcher.dispatchDue();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Outbox not sent this time: " + e);
        }
    }
}
