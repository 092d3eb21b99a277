package org.pbxlicensing.web.admin;

import jakarta.faces.context.Flash;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private static final String SECRET = "webhookSecret";
    private static final String SECRET_URL = "webhookSecretUrl";

    @Inject
    WebhookAdmin webhooks;

    @Inject
    Staff staff;

    private String url;
    /** Why an endpoint is disabled, for the audit log. */
    private String reason;
    /** Names of the ticked {@link LifecycleEventType}s. */
    private List<String> types = new ArrayList<>();
    private Long selected;

    public List<WebhookEndpoint> getEndpoints() {
        return webhooks.endpoints();
    }

    public LifecycleEventType[] getEventTypes() {
        return LifecycleEventType.values();
    }

    /** Adds the endpoint and shows its secret on the page it redirects to, that once (the flash). */
    public String create() {
        if (!staff.may(StaffRole.ADMIN)) {
            return null;
        }
        Optional<String> refused = webhooks.refusal(url);
        if (refused.isPresent()) {
            AdminMessages.errorText(AdminMessages.text("webhooks.refused") + " " + WebhookUrlRefusals.inWords(refused.get(),
                    FacesContext.getCurrentInstance().getViewRoot().getLocale()));
            return null;
        }
        try {
            WebhookAdmin.Created created = webhooks.create(url, ticked(), staff.actor());
            flash().put(SECRET, created.secret());
            flash().put(SECRET_URL, created.endpoint().url());
            AdminMessages.info("webhooks.created");
            return showing(created.endpoint().id());
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
            return null;
        }
    }

    private Set<LifecycleEventType> ticked() {
        Set<LifecycleEventType> ticked = new LinkedHashSet<>();
        for (LifecycleEventType type : LifecycleEventType.values()) {
            if (types != null && types.contains(type.name())) {
                ticked.add(type);
            }
        }
        return ticked;
    }

    public String toggle(WebhookEndpoint endpoint) {
        if (!staff.may(StaffRole.ADMIN)) {
            return null;
        }
        try {
            webhooks.setEnabled(endpoint.id(), !endpoint.enabled(), reason, staff.actor());
        } catch (LicensingException e) {
            AdminMessages.refusal(e);
            return null;
        }
        return showing(selected);
    }

    public String sendTest(WebhookEndpoint endpoint) {
        if (!staff.may(StaffRole.ADMIN)) {
            return null;
        }
        webhooks.sendTest(endpoint.id(), staff.actor());
        AdminMessages.info("webhooks.testSent");
        return showing(endpoint.id());
    }

    public String resend(WebhookDelivery delivery) {
        if (!staff.may(StaffRole.ADMIN)) {
            return null;
        }
        webhooks.resend(delivery.id(), staff.actor());
        AdminMessages.info("webhooks.resent");
        return showing(delivery.endpointId());
    }

    /** After a change, the page again by GET (its messages kept), with the endpoint's deliveries shown. */
    private static String showing(Long endpointId) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/admin/webhooks?faces-redirect=true" + (endpointId == null ? "" : "&endpoint=" + endpointId);
    }

    private static Flash flash() {
        return FacesContext.getCurrentInstance().getExternalContext().getFlash();
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

    /** The secret of the endpoint just added, on the page its creation redirected to only: the flash forgets it. */
    public String getNewSecret() {
        return (String) flash().get(SECRET);
    }

    public String getNewSecretUrl() {
        return (String) flash().get(SECRET_URL);
    }

    public Long getSelected() {
        return selected;
    }

    public void setSelected(Long selected) {
        this.selected = selected;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getTypes() {
        return types;
    }

    public void setTypes(List<String> types) {
        this.types = types;
    }
}
