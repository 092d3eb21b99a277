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
}
