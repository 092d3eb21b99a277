package org.pbxlicensing.service.mail;

/**
 * A mail ready for SMTP. {@code summary} says what it is for logs, with registration numbers
 * masked and the address shortened.
 */
public record ComposedMail(String recipient, String subject, String body, String summary) {
}
