package org.pbxlicensing.domain.mail;

/** What a mail says. */
public enum MailKind {
    /** The registration number of a new registration. */
    WELCOME,
    /** Every registration number of an email, for a customer who forgot theirs. */
    REGISTRATION_REMINDER,
    /** To the staff address: a webhook endpoint kept failing and was disabled (the endpoint in {@code about}). */
    WEBHOOK_DISABLED
}
