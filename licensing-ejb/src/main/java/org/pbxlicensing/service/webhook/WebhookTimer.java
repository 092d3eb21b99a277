package org.pbxlicensing.service.webhook;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every few seconds, sends the deliveries that are due: retries after their back-off, and new ones
 * whose dispatch after commit was lost (the node stopped). Runs on every node; claims keep them apart.
 */
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookTimer {

    private static final Logger LOG = Logger.getLogger(WebhookTimer.class.getName());

    @Inject
    WebhookDispatcher dispatcher;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void sendDue() {
        try {
            dispatcher.due().forEach(dispatcher::dispatch);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Webhook deliveries not sent this time: " + e);
        }
    }
}
