package org.pbxlicensing.service.mail;

/** A mail was written to the outbox in the current transaction. */
public record MailQueued(long mailId) {
}
