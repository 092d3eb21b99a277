package org.pbxlicensing.service.webhook;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pbxlicensing.domain.webhook.WebhookDelivery;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Sends deliveries of the outbox, outside any transaction so that a slow receiver holds no database
 * row: claim (own transaction), call, record the attempt (own transaction). Each delivery is sent on
 * a thread of its own, so that a receiver that times out holds back no other delivery.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    static final int BATCH = 50;

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookClient client;

    @Inject
    WebhookSecrets secrets;

    @Inject
    ServerClock clock;

    /** A delivery just committed or due, sent off the caller's thread. */
    @Asynchronous
    public void dispatch(long deliveryId) {
        deliver(deliveryId);
    }

    /**
     * The deliveries due now, sent one after the other off the caller's thread: those just committed,
     * and any other that is due. A delivery another thread or node claimed first is skipped.
     */
    @Asynchronous
    public void dispatchDue() {
        due().forEach(this::deliver);
    }

    /** The deliveries that are due: retries after their back-off, and new ones whose prompt dispatch did not happen. */
    public List<Long> due() {
        return outbox.due(BATCH);
    }

    private void deliver(long deliveryId) {
        try {
            outbox.numberWaiting(deliveryId);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Webhook delivery " + deliveryId + " not numbered this time", e);
            return;
        }
        Optional<ClaimedDelivery> claimed = outbox.claim(deliveryId);
        if (claimed.isEmpty()) {
            return;
        }
        ClaimedDelivery delivery = claimed.get();
        Instant now = Instant.now();
        WebhookCall call;
        try {
            String secret = secrets.open(delivery.url(), delivery.sealedSecret());
            call = client.post(delivery.url(), secret, delivery.webhookId(), delivery.body(), now.getEpochSecond());
        } catch (RuntimeException e) {
            call = WebhookCall.refused("not called: " + e.getMessage());
        }
        if (call.succeeded()) {
            outbox.delivered(deliveryId, clock.now(), call.statusCode(), call.answer(), call.millis());
            return;
        }
        WebhookCall failed = call;
        WebhookDelivery after = outbox.attemptFailed(deliveryId, clock.now(), call.statusCode(), call.answer(),
                call.error(), call.millis());
        LOG.warning(() -> "Webhook " + delivery.webhookId() + " to " + delivery.url() + " failed ("
                + (failed.statusCode() == null ? failed.error() : "HTTP " + failed.statusCode()) + ")"
                + (after == null ? "" : after.nextAttemptAt() == null || after.finishedAt() != null
                        ? ", given up" : ", next attempt at " + after.nextAttemptAt()));
    }
}
