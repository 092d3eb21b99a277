package org.pbxlicensing.service.mail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.pbxlicensing.infrastructure.config.MailSettings;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Hands mails to the SMTP server of the mail session {@code java:jboss/mail/Licensing} (host, port,
 * TLS, sender). The session is copied once with time-outs, so that a silent server cannot hold a
 * sending thread; the login is given here because a mail session cannot leave it out by an expression.
 */
@ApplicationScoped
public class SmtpMailer {

    private static final String TIMEOUT_MILLIS = "20000";

    @Resource(lookup = "java:jboss/mail/Licensing")
    Session serverSession;

    @Inject
    MailSettings settings;

    @Inject
    ServerClock clock;

    private Session session;

    @PostConstruct
    void configure() {
        Properties properties = new Properties();
        properties.putAll(serverSession.getProperties());
        properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        settings.smtpUser().ifPresent(user -> properties.setProperty("mail.smtp.auth", "true"));
        session = Session.getInstance(properties);
    }

    /** @throws jakarta.mail.internet.AddressException if the recipient is no address at all */
    public void send(ComposedMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom();
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setContent(alternatives(mail));
        message.setSentDate(Date.from(clock.now()));
        try (Transport transport = session.getTransport("smtp")) {
            if (settings.smtpUser().isPresent()) {
                transport.connect(settings.smtpUser().get(), settings.smtpPassword());
            } else {
                transport.connect();
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** Plain text first, HTML last: a mail reader shows the last part it can display. */
    static MimeMultipart alternatives(ComposedMail mail) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.body(), StandardCharsets.UTF_8.name());
        text.setHeader("Content-Language", mail.language());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        html.setHeader("Content-Language", mail.language());
        return new MimeMultipart("alternative", text, html);
    }
}
