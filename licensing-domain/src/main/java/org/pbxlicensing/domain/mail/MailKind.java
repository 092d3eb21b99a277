package org.pbxlicensing.domain.mail;

/** What a mail says. */
public enum MailKind {
    /** The registration number of a new registration. */
    WELCOME,
    /** Every registration number of an email, for a customer who forgot theirs. */
    REGISTRATION_REMINDER
}
