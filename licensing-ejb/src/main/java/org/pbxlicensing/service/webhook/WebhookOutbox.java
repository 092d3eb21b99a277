package org.pbxlicensing.service.webhook;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.pbxlicensing.domain.event.LifecycleEvent;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.domain.webhook.WebhookAttempt;
import org.pbxlicensing.domain.webhook.WebhookDelivery;
import org.pbxlicensing.domain.webhook.WebhookEndpoint;
import org.pbxlicensing.domain.webhook.WebhookPayload;
import org.pbxlicensing.domain.webhook.WebhookRetrySchedule;
import org.pbxlicensing.infrastructure.config.MailSettings;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.mail.MailOutbox;

/**
 * The webhook outbox. An event is written, once per endpoint that wants it, in the transaction of
 * its change; a node that wants to send a delivery first claims it with a conditional update, so
 * that two nodes never send it together, and a claim left by a node that died lapses after
 * {@link #CLAIM_LEASE} (longer than any call may take).
 */
@Stateless
public class WebhookOutbox {

    private static final Logger LOG = Logger.getLogger(WebhookOutbox.class.getName());
    static final Duration CLAIM_LEASE = Duration.ofMinutes(1);
    static final Duration RETENTION = Duration.ofDays(30);
    static final int NUMBERED_AT_ONCE = 500;
    /** This node, as long as it runs; a restarted node is another claimant. */
    static final String NODE = System.getProperty("jboss.node.name", "node") + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    WebhookQueries queries;

    @Inject
    ServerClock clock;

    @Inject
    Event<WebhookQueued> queued;

    @Inject
    MailOutbox mails;

    @Inject
    MailSettings mailSettings;

    /**
     * Written only if the caller's transaction commits; numbered and sent after that commit. The
     * request's transaction sends one statement for the event, whatever the number of endpoints, and
     * touches no row that other requests write.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(LifecycleEvent event) {
        if (queries.writeDeliveries(event.type().wireName(), event.registrationNumber(), WebhookPayload.of(event),
                clock.now()) > 0) {
            queued.fire(new WebhookQueued());
        }
    }

    /** The admin area's test event, for one endpoint, enabled or not. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public WebhookDelivery recordTest(long endpointId) {
        Instant now = clock.now();
        WebhookDelivery delivery = new WebhookDelivery(endpointId, "webhook.test", null, WebhookPayload.test(now), now);
        write(delivery);
        return delivery;
    }

    private void write(WebhookDelivery delivery) {
        em.persist(delivery);
        em.flush();
        queued.fire(new WebhookQueued());
    }

    /**
     * Numbers the committed deliveries of the delivery's endpoint that have no number yet, oldest
     * first, after the endpoint's last number. The endpoint's counter row is locked for this short
     * transaction only, never by a request: numbering on two nodes at once is a conflict that one of
     * them retries, not a request's.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void numberWaiting(long deliveryId) {
        Optional<Long> endpointId = queries.endpointOfUnnumbered(deliveryId);
        if (endpointId.isEmpty()) {
            return;
        }
        long last = queries.lockedLastSequence(endpointId.get());
        for (WebhookDelivery delivery : queries.unnumberedDeliveriesOf(endpointId.get(), NUMBERED_AT_ONCE)) {
            delivery.number(++last);
        }
        queries.saveLastSequence(endpointId.get(), last);
    }

    /** Deliveries due now that no node holds, oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> due(int limit) {
        return queries.dueDeliveryIds(clock.now(), limit);
    }

    /** The delivery and where it goes, if it is due and this node won it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<ClaimedDelivery> claim(long id) {
        Instant now = clock.now();
        if (!queries.claimDue(id, NODE, now.plus(CLAIM_LEASE), now)) {
            return Optional.empty();
        }
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.endpointId());
        return Optional.of(new ClaimedDelivery(id, delivery.webhookId(), delivery.body(), endpoint.url(),
                endpoint.sealedSecret()));
    }

    /** Records an attempt answered 2xx. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void delivered(long id, Instant attemptedAt, int statusCode, String answer, long millis) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
        if (delivery == null || !delivery.isClaimedBy(NODE)) {
            return;
        }
        em.persist(new WebhookAttempt(id, attemptedAt, statusCode, answer, null, millis, NODE));
        delivery.delivered(statusCode, clock.now());
    }

    /**
     * Records an attempt that failed (or a call refused before it was made). A delivery given up
     * after the retry window disables its endpoint if nothing reached it since that event was written,
     * and tells the staff address.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public WebhookDelivery attemptFailed(long id, Instant attemptedAt, Integer statusCode, String answer,
            String error, long millis) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
        if (delivery == null || !delivery.isClaimedBy(NODE)) {
            return delivery;
        }
        em.persist(new WebhookAttempt(id, attemptedAt, statusCode, answer, error, millis, NODE));
        String why = statusCode == null ? error : "HTTP " + statusCode;
        boolean givenUp = delivery.attemptFailed(statusCode, why, clock.now(),
                ThreadLocalRandom.current().nextDouble());
        if (givenUp && !queries.anyDeliveredSince(delivery.endpointId(), delivery.createdAt())) {
            disable(em.find(WebhookEndpoint.class, delivery.endpointId()), delivery);
        }
        return delivery;
    }

    private void disable(WebhookEndpoint endpoint, WebhookDelivery failed) {
        if (!endpoint.enabled()) {
            return;
        }
        endpoint.disable("every delivery failed for " + WebhookRetrySchedule.RETRY_WINDOW.toHours() + " h (last: " + failed.lastError() + ")");
        LOG.warning(() -> "Webhook endpoint " + endpoint.id() + " (" + endpoint.url() + ") disabled: " + failed.lastError());
        mailSettings.staffEmail().ifPresentOrElse(
                staff -> mails.queue(OutboxMail.webhookDisabled(staff, endpoint.url(), clock.now())),
                () -> LOG.warning("No staff address (LICENSING_STAFF_EMAIL) to tell that a webhook endpoint was disabled"));
    }

    @Schedule(hour = "*", minute = "47", persistent = false)
    void forgetFinishedDeliveries() {
        queries.forgetFinishedBefore(clock.now().minus(RETENTION));
    }
}
