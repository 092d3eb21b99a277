package org.pbxlicensing.service.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the due deliveries once a transaction that wrote some committed, off the request's thread, without waiting for
 * the timer. If this fails (or the node stops), the timer sends it a few seconds later.
 */
@ApplicationScoped
public class WebhookDispatchAfterCommit {

    private static final Logger LOG = Logger.getLogger(WebhookDispatchAfterCommit.class.getName());

    @Inject
    WebhookDispatcher dispatcher;

    void dispatch(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookQueued queued) {
        try {
            dispatcher.dispatchDue();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Webhook deliveries left to the timer", e);
        }
    }
}
