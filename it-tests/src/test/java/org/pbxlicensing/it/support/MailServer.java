package org.pbxlicensing.it.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The SMTP server the server under test sends to: a GreenMail on the reserved port, started once for
 * the whole suite by the first system test and stopped after the last. It accepts the login the
 * server is configured with, so a wrong login fails the mail tests.
 */
public final class MailServer implements BeforeAllCallback {

    static final int PORT = Integer.getInteger("it.smtp.port", 3025);
    static final String USER = System.getProperty("it.smtp.user", "licensing");
    static final String PASSWORD = System.getProperty("it.smtp.password", "smtp-secret");

    private static GreenMail greenMail;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (MailServer.class) {
            if (greenMail == null) {
                start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(MailServer.class, (AutoCloseable) MailServer::stop);
            }
        }
    }

    /** Starts an empty SMTP server on the port (again, after {@link #stop()}). */
    public static synchronized void start() {
        if (greenMail != null && greenMail.isRunning()) {
            return;
        }
        greenMail = new GreenMail(new ServerSetup(PORT, "localhost", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));
        greenMail.start();
    }

    /** SMTP is down until {@link #start()}: the server under test must keep its mails and retry. */
    public static synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** The mails received so far for the address. */
    public static synchronized List<MimeMessage> mailsTo(String address) {
        if (greenMail == null) {
            return List.of();
        }
        return Arrays.stream(greenMail.getReceivedMessages()).filter(mail -> isFor(mail, address)).toList();
    }

    /** Waits (at most {@code patience}) until {@code count} mails to the address have arrived. */
    public static List<MimeMessage> awaitMailsTo(String address, int count, Duration patience) {
        return Poll.until("%d mail(s) to %s".formatted(count, address), patience, () -> {
            List<MimeMessage> mails = mailsTo(address);
            return mails.size() >= count ? mails : null;
        });
    }

    private static boolean isFor(MimeMessage mail, String address) {
        try {
            Address[] recipients = mail.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
