package org.pbxlicensing.domain.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to a customer's registration, raised in the transaction of the change
 * itself so that whoever records it (the webhook outbox) stands or falls with that change.
 * {@code data} holds the event's fields besides the registration number, in the names of the wire.
 */
public record LifecycleEvent(LifecycleEventType type, Instant occurredAt, String registrationNumber,
        Map<String, Object> data) {

    public LifecycleEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
