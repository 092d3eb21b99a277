package org.pbxlicensing.service.mail;

/**
 * A mail ready for SMTP: its plain text, in {@code language}, from which its HTML part is made.
 * {@code summary} says what it is for logs, with registration numbers masked and the address shortened.
 */
public record ComposedMail(String recipient, String subject, String body, String language, String summary) {

    /** The HTML part: the plain text laid out, with every character of it escaped. */
    public String html() {
        return MailHtml.of(subject, body, language);
    }
}
