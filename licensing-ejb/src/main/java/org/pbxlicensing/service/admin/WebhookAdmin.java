package org.pbxlicensing.service.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.event.LifecycleEventType;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.webhook.WebhookAttempt;
import org.pbxlicensing.domain.webhook.WebhookDelivery;
import org.pbxlicensing.domain.webhook.WebhookEndpoint;
import org.pbxlicensing.domain.webhook.WebhookSecret;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.webhook.WebhookClient;
import org.pbxlicensing.service.webhook.WebhookOutbox;
import org.pbxlicensing.service.webhook.WebhookQueries;
import org.pbxlicensing.service.webhook.WebhookSecrets;

/**
 * Webhook endpoints for administrators: add one (its secret is shown this once), choose its events,
 * enable or disable it, see its deliveries and their attempts, re-send one, send a test event.
 * Every change is audited.
 */
@Stateless
@DeclareRoles(StaffRoles.ADMIN)
@RolesAllowed(StaffRoles.ADMIN)
public class WebhookAdmin {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    WebhookQueries queries;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookClient client;

    @Inject
    WebhookOutbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    ServerClock clock;

    /** A new endpoint and its secret, which is never shown again. */
    public record Created(WebhookEndpoint endpoint, String secret) {
    }

    public List<WebhookEndpoint> endpoints() {
        return queries.allEndpoints();
    }

    /**
     * @param types the events the endpoint wants; empty for every event
     * @throws LicensingException {@code VALIDATION_FAILED} on {@code url} when the URL is malformed, known
     *     already, or resolves to an address the server may not call
     */
    public Created create(String url, Set<LifecycleEventType> types, Actor staff) {
        String clean = url == null ? "" : url.strip();
        Optional<String> refused = clean.isEmpty() || clean.length() > 2000 ? Optional.of("no URL")
                : client.refusal(clean);
        if (refused.isPresent()) {
            throw LicensingException.invalid("url", FieldError.INVALID_FORMAT);
        }
        if (queries.endpointExists(clean)) {
            throw LicensingException.invalid("url", "ALREADY_REGISTERED");
        }
        String secret = WebhookSecret.generate();
        WebhookEndpoint endpoint = new WebhookEndpoint(clean, types, staff.name(), clock.now());
        endpoint.sealSecret(secrets.seal(clean, secret));
        em.persist(endpoint);
        em.flush();
        audit.record(staff, "WEBHOOK_ENDPOINT_ADDED", null, "webhook endpoint " + endpoint.id(),
                clean + ", events " + (types.isEmpty() ? "all" : types));
        return new Created(endpoint, secret);
    }

    /** Why the URL would be refused, for the form to say before it is saved; empty when it is fine. */
    public Optional<String> refusal(String url) {
        return client.refusal(url == null ? "" : url);
    }

    /** Enables an endpoint, or disables it with a reason (deliveries to it stop until it is enabled again). */
    public void setEnabled(long endpointId, boolean enabled, String reason, Actor staff) {
        String why = enabled ? null : StaffReason.require(reason);
        WebhookEndpoint endpoint = require(endpointId);
        if (enabled) {
            endpoint.enable();
        } else {
            endpoint.disable("disabled by " + staff.name());
        }
        audit.record(staff, enabled ? "WEBHOOK_ENDPOINT_ENABLED" : "WEBHOOK_ENDPOINT_DISABLED", null,
                "webhook endpoint " + endpointId, endpoint.url() + (why == null ? "" : ", reason: " + why));
    }

    public List<WebhookDelivery> deliveries(long endpointId, int limit) {
        return queries.deliveriesOf(endpointId, limit);
    }

    public List<WebhookAttempt> attempts(long deliveryId) {
        return queries.attemptsOf(deliveryId);
    }

    /** Sends a delivery again, with its id and body, whatever became of it. */
    public void resend(long deliveryId, Actor staff) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null) {
            throw new LicensingException(Failure.NOT_FOUND);
        }
        delivery.resend();
        audit.record(staff, "WEBHOOK_RESENT", null, "webhook delivery " + deliveryId,
                delivery.eventType() + " " + delivery.webhookId());
    }

    /** A {@code webhook.test} event for the endpoint alone. */
    public WebhookDelivery sendTest(long endpointId, Actor staff) {
        require(endpointId);
        WebhookDelivery delivery = outbox.recordTest(endpointId);
        audit.record(staff, "WEBHOOK_TEST_SENT", null, "webhook endpoint " + endpointId, delivery.webhookId());
        return delivery;
    }

    private WebhookEndpoint require(long endpointId) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId);
        if (endpoint == null) {
            throw new LicensingException(Failure.NOT_FOUND);
        }
        return endpoint;
    }
}
