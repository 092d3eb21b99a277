package org.pbxlicensing.service.webhook;

/** Deliveries were written to the outbox in the current transaction: send what is due once it commits. */
public record WebhookQueued() {
}
