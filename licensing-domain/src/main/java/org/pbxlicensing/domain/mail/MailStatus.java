package org.pbxlicensing.domain.mail;

/** Where a mail of the outbox stands. */
public enum MailStatus {
    /** To be sent, at once or after a failed attempt. */
    PENDING,
    SENT,
    /** Deliberately not sent: no SMTP server configured, or nothing to tell (an unknown email). */
    SKIPPED,
    /** Given up after too many failed attempts, or refused for good by the SMTP server. */
    FAILED
}
