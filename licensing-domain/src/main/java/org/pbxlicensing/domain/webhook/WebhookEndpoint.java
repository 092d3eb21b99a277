package org.pbxlicensing.domain.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.pbxlicensing.domain.event.LifecycleEventType;

/**
 * A receiver of the vendor's: its URL, the events it wants (none listed: every event, also those
 * added in later versions), and its secret sealed with the secrets key (never in plain text).
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String url;

    /** Wire names, comma-separated; null for every event. */
    @Column(name = "event_types")
    private String eventTypes;

    @Column(name = "sealed_secret", nullable = false)
    private String sealedSecret;

    @Column(nullable = false)
    private boolean enabled;


    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected WebhookEndpoint() {
    }

    /** @param types the events wanted; empty for every event */
    public WebhookEndpoint(String url, Collection<LifecycleEventType> types, String createdBy, Instant now) {
        this.url = url.strip();
        this.eventTypes = types.isEmpty() ? null
                : types.stream().map(LifecycleEventType::wireName).collect(Collectors.joining(","));
        this.enabled = true;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.sealedSecret = "";
    }

    public Long id() {
        return id;
    }

    public String url() {
        return url;
    }

    public boolean allEvents() {
        return eventTypes == null;
    }

    /** The events wanted; empty for every event. */
    public Set<LifecycleEventType> eventTypes() {
        if (eventTypes == null) {
            return Set.of();
        }
        Set<String> names = Set.of(eventTypes.split(","));
        return Arrays.stream(LifecycleEventType.values())
                .filter(type -> names.contains(type.wireName()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }


    public String sealedSecret() {
        return sealedSecret;
    }

    public void sealSecret(String sealed) {
        this.sealedSecret = sealed;
    }

    public boolean enabled() {
        return enabled;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public void enable() {
        enabled = true;
        disabledReason = null;
    }

    public void disable(String reason) {
        enabled = false;
        disabledReason = reason == null ? null : reason.substring(0, Math.min(reason.length(), 500));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }


    /** What the sealed secret is bound to, so that a sealed value copied to another endpoint does not open. */
    public static String secretContext(long endpointId) {
        return "webhook_endpoint " + endpointId;
    }
}
