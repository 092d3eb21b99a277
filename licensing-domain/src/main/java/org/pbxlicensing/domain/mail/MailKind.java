package org.pbxlicensing.domain.mail;

/** What a mail says. */
public enum MailKind {
    /** The registration number of a new registration. */
    WELCOME,
    /** Every registration number of an email, for a customer who forgot theirs. */
    REGISTRATION_REMINDER,
    /** A trial or term license ends in a few days: its end date and how to keep the feature. */
    LICENSE_EXPIRING,
    /** A trial or term license has ended. */
    LICENSE_EXPIRED,
    /** A binding was released because its host had been silent for the feature's days. */
    SILENT_HOST_RELEASED,
    /** To the staff address: a webhook endpoint kept failing and was disabled (the endpoint in {@code about}). */
    WEBHOOK_DISABLED
}
