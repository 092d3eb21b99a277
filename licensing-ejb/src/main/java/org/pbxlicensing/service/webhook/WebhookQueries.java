package org.pbxlicensing.service.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.webhook.DeliveryStatus;
import org.pbxlicensing.domain.webhook.WebhookAttempt;
import org.pbxlicensing.domain.webhook.WebhookDelivery;
import org.pbxlicensing.domain.webhook.WebhookEndpoint;
import org.pbxlicensing.service.outbox.OutboxClaim;

/** The statements on webhook endpoints, their outbox of deliveries, and the attempts made. */
@ApplicationScoped
public class WebhookQueries {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    public List<WebhookEndpoint> allEndpoints() {
        return em.createQuery("select e from WebhookEndpoint e order by e.id", WebhookEndpoint.class).getResultList();
    }

    /**
     * Writes the event's delivery for every enabled endpoint that wants its type, in one statement that
     * reads the endpoints itself; each delivery gets its own webhook id.
     *
     * @return how many deliveries were written
     */
    public int writeDeliveries(String eventType, String registrationNumber, String body, Instant now) {
        return em.createNativeQuery("""
                        INSERT INTO webhook_delivery (webhook_id, endpoint_id, event_type, registration_number, body,
                            status, attempts, created_at)
                        SELECT CONCAT('msg_', REPLACE(UUID(), '-', '')), e.id, ?1, ?2, ?3, 'PENDING', 0, ?4
                        FROM webhook_endpoint e
                        WHERE e.enabled = TRUE AND (e.event_types IS NULL OR FIND_IN_SET(?1, e.event_types) > 0)""")
                .setParameter(1, eventType)
                .setParameter(2, registrationNumber)
                .setParameter(3, body)
                .setParameter(4, now)
                .executeUpdate();
    }

    public boolean endpointExists(String url) {
        return !em.createQuery("select e.id from WebhookEndpoint e where e.url = :url", Long.class)
                .setParameter("url", url).getResultList().isEmpty();
    }

    /**
     * Adds an endpoint for every event unless one of the URL exists (the URL is unique).
     *
     * @return whether it was added
     */
    public boolean addEndpointUnlessKnown(String url, String sealedSecret, Instant now, String createdBy) {
        return em.createNativeQuery("""
                        INSERT IGNORE INTO webhook_endpoint
                        (url, event_types, sealed_secret, enabled, created_at, created_by)
                        VALUES (?1, NULL, ?2, TRUE, ?3, ?4)""")
                .setParameter(1, url)
                .setParameter(2, sealedSecret)
                .setParameter(3, now)
                .setParameter(4, createdBy)
                .executeUpdate() == 1;
    }

    /** The endpoint of the delivery, if the delivery has no sequence number yet. */
    public Optional<Long> endpointOfUnnumbered(long deliveryId) {
        return em.createQuery(
                        "select d.endpointId from WebhookDelivery d where d.id = :id and d.sequence is null", Long.class)
                .setParameter("id", deliveryId)
                .getResultList()
                .stream()
                .findFirst();
    }

    /**
     * The endpoint's last sequence number; its counter row, added at 0 if missing, stays locked until
     * the transaction ends.
     */
    public long lockedLastSequence(long endpointId) {
        em.createNativeQuery("INSERT IGNORE INTO webhook_sequence (endpoint_id, last_sequence) VALUES (?1, 0)")
                .setParameter(1, endpointId)
                .executeUpdate();
        return ((Number) em.createNativeQuery(
                        "SELECT last_sequence FROM webhook_sequence WHERE endpoint_id = ?1 FOR UPDATE")
                .setParameter(1, endpointId)
                .getSingleResult()).longValue();
    }

    /** The endpoint's deliveries without a sequence number, oldest first. */
    public List<WebhookDelivery> unnumberedDeliveriesOf(long endpointId, int limit) {
        return em.createQuery("""
                        select d from WebhookDelivery d where d.endpointId = :endpoint and d.sequence is null
                        order by d.id""", WebhookDelivery.class)
                .setParameter("endpoint", endpointId)
                .setMaxResults(limit)
                .getResultList();
    }

    public void saveLastSequence(long endpointId, long last) {
        em.createNativeQuery("UPDATE webhook_sequence SET last_sequence = ?1 WHERE endpoint_id = ?2")
                .setParameter(1, last)
                .setParameter(2, endpointId)
                .executeUpdate();
    }

    /** Deliveries due at {@code now} that no node holds, oldest first. */
    public List<Long> dueDeliveryIds(Instant now, int limit) {
        return OutboxClaim.dueIds(em, WebhookDelivery.class, DeliveryStatus.PENDING, now, limit);
    }

    /**
     * Claims the delivery for the node until {@code until}, if it is numbered, due, and no node holds it.
     *
     * @return whether the node won it
     */
    public boolean claimDue(long id, String node, Instant until, Instant now) {
        return OutboxClaim.claim(em, WebhookDelivery.class, DeliveryStatus.PENDING, id, node, until, now,
                "r.sequence is not null");
    }

    public boolean anyDeliveredSince(long endpointId, Instant since) {
        return em.createQuery("""
                        select count(d) from WebhookDelivery d
                        where d.endpointId = :endpoint and d.status = :delivered and d.finishedAt >= :since""", Long.class)
                .setParameter("endpoint", endpointId)
                .setParameter("delivered", DeliveryStatus.DELIVERED)
                .setParameter("since", since)
                .getSingleResult() != 0;
    }

    /** The endpoint's deliveries, newest first. */
    public List<WebhookDelivery> deliveriesOf(long endpointId, int limit) {
        return em.createQuery("select d from WebhookDelivery d where d.endpointId = :endpoint order by d.id desc",
                        WebhookDelivery.class)
                .setParameter("endpoint", endpointId)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<WebhookAttempt> attemptsOf(long deliveryId) {
        return em.createQuery("select a from WebhookAttempt a where a.deliveryId = :delivery order by a.id",
                        WebhookAttempt.class)
                .setParameter("delivery", deliveryId)
                .getResultList();
    }

    /** Forgets deliveries finished before {@code before}, with their attempts. */
    public void forgetFinishedBefore(Instant before) {
        em.createQuery("delete from WebhookAttempt a where a.deliveryId in (select d.id from WebhookDelivery d"
                        + " where d.status <> :pending and d.finishedAt < :before)")
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("before", before)
                .executeUpdate();
        em.createQuery("delete from WebhookDelivery d where d.status <> :pending and d.finishedAt < :before")
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("before", before)
                .executeUpdate();
    }
}
