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
import org.pbxlicensing.domain.webhook.DeliveryStatus;
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
    ServerClock clock;

    @Inject
    Event<WebhookQueued> queued;

    @Inject
    MailOutbox mails;

    @Inject
    MailSettings mailSettings;

    /**
     * Written only if the caller's transaction commits; numbered and sent after that commit. The
     * request's transaction writes one row per endpoint and touches no row that other requests write.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(LifecycleEvent event) {
        List<WebhookEndpoint> endpoints = em.createQuery(
                        "select e from WebhookEndpoint e where e.enabled = true order by e.id", WebhookEndpoint.class)
                .getResultList();
        for (WebhookEndpoint endpoint : endpoints) {
            if (endpoint.wants(event.type())) {
                write(new WebhookDelivery(endpoint.id(), event.type().wireName(), event.registrationNumber(),
                        WebhookPayload.of(event), clock.now()));
            }
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
        queued.fire(new WebhookQueued(delivery.id()));
    }

    /**
     * Numbers the committed deliveries of the delivery's endpoint that have no number yet, oldest
     * first, after the endpoint's last number. The endpoint's counter row is locked for this short
     * transaction only, never by a request: numbering on two nodes at once is a conflict that one of
     * them retries, not a request's.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void numberWaiting(long deliveryId) {
        List<Long> endpoint = em.createQuery(
                        "select d.endpointId from WebhookDelivery d where d.id = :id and d.sequence is null", Long.class)
                .setParameter("id", deliveryId)
                .getResultList();
        if (endpoint.isEmpty()) {
            return;
        }
        long endpointId = endpoint.get(0);
        em.createNativeQuery("INSERT IGNORE INTO webhook_sequence (endpoint_id, last_sequence) VALUES (?1, 0)")
                .setParameter(1, endpointId)
                .executeUpdate();
        long last = ((Number) em.createNativeQuery(
                        "SELECT last_sequence FROM webhook_sequence WHERE endpoint_id = ?1 FOR UPDATE")
                .setParameter(1, endpointId)
                .getSingleResult()).longValue();
        List<WebhookDelivery> waiting = em.createQuery("""
                        select d from WebhookDelivery d where d.endpointId = :endpoint and d.sequence is null
                        order by d.id""", WebhookDelivery.class)
                .setParameter("endpoint", endpointId)
                .setMaxResults(NUMBERED_AT_ONCE)
                .getResultList();
        for (WebhookDelivery delivery : waiting) {
            delivery.number(++last);
        }
        em.createNativeQuery("UPDATE webhook_sequence SET last_sequence = ?1 WHERE endpoint_id = ?2")
                .setParameter(1, last)
                .setParameter(2, endpointId)
                .executeUpdate();
    }

    /** Deliveries due now that no node holds, oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> due(int limit) {
        Instant now = clock.now();
        return em.createQuery("""
                        select d.id from WebhookDelivery d
                        where d.status = :pending and (d.nextAttemptAt is null or d.nextAttemptAt <= :now)
                        and (d.claimedUntil is null or d.claimedUntil < :now)
                        order by d.id""", Long.class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The delivery and where it goes, if it is due and this node won it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<ClaimedDelivery> claim(long id) {
        Instant now = clock.now();
        int won = em.createQuery("""
                        update WebhookDelivery d set d.claimedBy = :node, d.claimedUntil = :until
                        where d.id = :id and d.status = :pending and d.sequence is not null
                        and (d.nextAttemptAt is null or d.nextAttemptAt <= :now)
                        and (d.claimedUntil is null or d.claimedUntil < :now)""")
                .setParameter("node", NODE)
                .setParameter("until", now.plus(CLAIM_LEASE))
                .setParameter("id", id)
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("now", now)
                .executeUpdate();
        if (won == 0) {
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
        if (givenUp && nothingDeliveredSince(delivery)) {
            disable(em.find(WebhookEndpoint.class, delivery.endpointId()), delivery);
        }
        return delivery;
    }

    private boolean nothingDeliveredSince(WebhookDelivery failed) {
        return em.createQuery("""
                        select count(d) from WebhookDelivery d
                        where d.endpointId = :endpoint and d.status = :delivered and d.finishedAt >= :since""", Long.class)
                .setParameter("endpoint", failed.endpointId())
                .setParameter("delivered", DeliveryStatus.DELIVERED)
                .setParameter("since", failed.createdAt())
                .getSingleResult() == 0;
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
        em.createQuery("delete from WebhookAttempt a where a.deliveryId in (select d.id from WebhookDelivery d"
                        + " where d.status <> :pending and d.finishedAt < :before)")
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("before", clock.now().minus(RETENTION))
                .executeUpdate();
        em.createQuery("delete from WebhookDelivery d where d.status <> :pending and d.finishedAt < :before")
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("before", clock.now().minus(RETENTION))
                .executeUpdate();
    }
}
