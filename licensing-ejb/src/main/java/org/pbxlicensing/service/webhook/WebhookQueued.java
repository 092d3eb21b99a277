package org.pbxlicensing.service.webhook;

/** A delivery was written to the outbox in the current transaction. */
public record WebhookQueued(long deliveryId) {
}
