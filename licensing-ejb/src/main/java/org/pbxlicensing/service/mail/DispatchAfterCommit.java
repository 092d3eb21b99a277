package org.pbxlicensing.service.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts sending a queued mail once its transaction committed, without waiting for the outbox
 * timer. If this fails, the timer sends the mail a few seconds later.
 */
@ApplicationScoped
public class DispatchAfterCommit {

    private static final Logger LOG = Logger.getLogger(DispatchAfterCommit.class.getName());

    @Inject
    MailDispatcher dispatcher;

    void dispatch(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        try {
            dispatcher.dispatch(queued.mailId());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Mail " + queued.mailId() + " left to the outbox timer", e);
        }
    }
}
