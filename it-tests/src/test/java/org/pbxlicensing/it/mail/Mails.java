package org.pbxlicensing.it.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.MailServer;
import org.pbxlicensing.it.support.Poll;

/** Reading received mails and the server's outbox. */
public final class Mails {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern LOGIN_LINK = Pattern.compile("http\\S+(/login-link-open\\.xhtml\\?token=[A-Za-z0-9_-]{43})");

    private Mails() {
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part, with the line ends it was written with (SMTP carries CRLF). */
    public static String text(MimeMessage mail) {
        return part(mail, "text/plain").replace("\r\n", "\n");
    }

    /** The HTML part. */
    public static String html(MimeMessage mail) {
        return part(mail, "text/html");
    }

    /** The content type of the mail itself, e.g. {@code multipart/alternative}. */
    public static String contentType(MimeMessage mail) {
        try {
            return mail.getContentType();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part of the type in a multipart/alternative mail, or the body of a single-part mail of the type. */
    private static String part(MimeMessage mail, String type) {
        try {
            if (mail.isMimeType(type)) {
                return (String) mail.getContent();
            }
            if (mail.getContent() instanceof MimeMultipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType(type)) {
                        return (String) part.getContent();
                    }
                }
            }
            throw new AssertionError("the mail has no " + type + " part: " + mail.getContentType());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The {@code nth} login link mailed to the address (1 is the first), once it arrived: its path from the
     * portal's root, to open in a browser.
     */
    public static String loginLinkPath(String address, int nth) {
        return Poll.until(nth + ". login link to " + address, PATIENCE, () -> {
            List<String> links = MailServer.mailsTo(address).stream().map(Mails::text).map(LOGIN_LINK::matcher)
                    .filter(Matcher::find).map(link -> link.group(1)).toList();
            return links.size() >= nth ? links.get(nth - 1) : null;
        });
    }

    static String from(MimeMessage mail) {
        try {
            return mail.getFrom()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the outbox holds a mail of the kind to the address in the status. */
    static void awaitOutbox(String kind, String recipient, String status) {
        Poll.until("a %s %s mail to %s in the outbox".formatted(status, kind, recipient), PATIENCE,
                () -> outboxCount(kind, recipient, status) > 0 ? Boolean.TRUE : null);
    }

    static long outboxCount(String kind, String recipient, String status) {
        return Database.count("SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND recipient = ? AND status = ?",
                kind, recipient, status);
    }
}
