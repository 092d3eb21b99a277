package org.pbxlicensing.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.event.LifecycleEventType;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.domain.webhook.WebhookAttempt;
import org.pbxlicensing.domain.webhook.WebhookDelivery;
import org.pbxlicensing.domain.webhook.WebhookEndpoint;
import org.pbxlicensing.service.admin.WebhookAdmin;

/**
 * Webhook endpoints (admins only: web.xml and the service check it too): add one and see its secret
 * this once, enable or disable, send a test event, see an endpoint's deliveries with their attempts
 * and re-send one.
 */
@Named
@ViewScoped
public class WebhooksView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int DELIVERIES_SHOWN = 100;

    @Inject
    WebhookAdmin webhooks;

    @Inject
    Staff staff;

    private String url;
    private List<LifecycleEventType> types = new ArrayList<>();
    private String newSecret;
    private String newSecretUrl;
    private Long selected;

    public List<WebhookEndpoint> getEndpoints() {
        return webhooks.endpoints();
    }

    public LifecycleEventType[] getEventTypes() {
        return LifecycleEventType.values();
    }

    public void create() {
        if (!staff.may(StaffRole.ADMIN)) {
            return;
        }
        Optional<String> refused = webhooks.refusal(url);
        if (refused.isPresent()) {
            AdminMessages.errorText(AdminMessages.text("webhooks.refused") + " " + refused.get());
            return;
        }
        try {
            WebhookAdmin.Created created = webhooks.create(url, new LinkedHashSet<>(types), staff.actor());
            newSecret = created.secret();
            newSecretUrl = created.endpoint().url();
            selected = created.endpoint().id();
            url = null;
            types = new ArrayList<>();
            AdminMessages.info("webhooks.created");
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
        }
    }

    public void toggle(WebhookEndpoint endpoint) {
        if (staff.may(StaffRole.ADMIN)) {
            webhooks.setEnabled(endpoint.id(), !endpoint.enabled(), staff.actor());
        }
    }

    public void sendTest(WebhookEndpoint endpoint) {
        if (staff.may(StaffRole.ADMIN)) {
            webhooks.sendTest(endpoint.id(), staff.actor());
            selected = endpoint.id();
            AdminMessages.info("webhooks.testSent");
        }
    }

    public void select(WebhookEndpoint endpoint) {
        selected = endpoint.id();
    }

    public void resend(WebhookDelivery delivery) {
        if (staff.may(StaffRole.ADMIN)) {
            webhooks.resend(delivery.id(), staff.actor());
            AdminMessages.info("webhooks.resent");
        }
    }

    public List<WebhookDelivery> getDeliveries() {
        return selected == null ? List.of() : webhooks.deliveries(selected, DELIVERIES_SHOWN);
    }

    public List<WebhookAttempt> attempts(WebhookDelivery delivery) {
        return webhooks.attempts(delivery.id());
    }

    /** The events an endpoint wants, as the wire names them; "all" in the staff's language when it wants every event. */
    public String events(WebhookEndpoint endpoint) {
        if (endpoint.allEvents()) {
            return AdminMessages.text("webhooks.allEvents");
        }
        return String.join(", ", endpoint.eventTypes().stream().map(LifecycleEventType::wireName).toList());
    }

    /** The secret of the endpoint just created, shown once: the next request of the page no longer has it. */
    public String takeNewSecret() {
        String secret = newSecret;
        newSecret = null;
        return secret;
    }

    public boolean isSecretToShow() {
        return newSecret != null;
    }

    public String getNewSecretUrl() {
        return newSecretUrl;
    }

    public Long getSelected() {
        return selected;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<LifecycleEventType> getTypes() {
        return types;
    }

    public void setTypes(List<LifecycleEventType> types) {
        this.types = types;
    }
}
