package org.pbxlicensing.domain.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to a customer's registration, raised in the transaction of the change
 * itself so that whoever records it (the webhook outbox) stands or falls with that change.
 * {@code data} holds the event's fields besides the registration number, in the names of the wire and in their order;
 * a field without a value (a perpetual license's {@code expiresAt}) is kept as {@code null}.
 */
public record LifecycleEvent(LifecycleEventType type, Instant occurredAt, String registrationNumber,
        Map<String, Object> data) {

    public LifecycleEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static LifecycleEvent registrationCreated(String registrationNumber, Instant now) {
        return new LifecycleEvent(LifecycleEventType.REGISTRATION_CREATED, now, registrationNumber, Map.of());
    }

    /**
     * @param source {@code TRIAL}, {@code COUPON} or {@code STAFF}
     * @param expiresAt null for a perpetual license
     */
    public static LifecycleEvent licenseCreated(String registrationNumber, int feature, String kind, int seats,
            Instant expiresAt, String source, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("feature", feature);
        data.put("kind", kind);
        data.put("seats", seats);
        data.put("expiresAt", expiresAt);
        data.put("source", source);
        return new LifecycleEvent(LifecycleEventType.LICENSE_CREATED, now, registrationNumber, data);
    }

    public static LifecycleEvent couponActivated(String registrationNumber, int feature, String kind, int seats,
            Instant expiresAt, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("feature", feature);
        data.put("kind", kind);
        data.put("seats", seats);
        data.put("expiresAt", expiresAt);
        return new LifecycleEvent(LifecycleEventType.COUPON_ACTIVATED, now, registrationNumber, data);
    }

    public static LifecycleEvent bindingCreated(String registrationNumber, String hostId, int feature, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hostId", hostId);
        data.put("feature", feature);
        return new LifecycleEvent(LifecycleEventType.BINDING_CREATED, now, registrationNumber, data);
    }

    /** @param by {@code CUSTOMER}, {@code STAFF} or {@code SILENT_HOST} */
    public static LifecycleEvent bindingReleased(String registrationNumber, String hostId, int feature, String by,
            Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hostId", hostId);
        data.put("feature", feature);
        data.put("by", by);
        return new LifecycleEvent(LifecycleEventType.BINDING_RELEASED, now, registrationNumber, data);
    }
}
