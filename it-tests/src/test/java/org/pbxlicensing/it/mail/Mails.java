package org.pbxlicensing.it.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Poll;

/** Reading received mails and the server's outbox. */
public final class Mails {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private Mails() {
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body, with the line ends it was written with (SMTP carries CRLF). */
    public static String text(MimeMessage mail) {
        try {
            return ((String) mail.getContent()).replace("\r\n", "\n");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
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
