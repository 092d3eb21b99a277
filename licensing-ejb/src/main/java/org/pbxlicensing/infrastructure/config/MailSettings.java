package org.pbxlicensing.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the application itself needs to know about SMTP. Host, port, TLS and sender belong to the
 * server's mail session {@code java:jboss/mail/Licensing}, configured from the same environment.
 */
@ApplicationScoped
public class MailSettings {

    @Inject
    @ConfigProperty(name = "licensing.smtp.host")
    Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "licensing.smtp.user")
    Optional<String> smtpUser;

    @Inject
    @ConfigProperty(name = "licensing.smtp.password")
    Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "licensing.staff.email")
    Optional<String> staffEmail;

    @Inject
    @ConfigProperty(name = "licensing.public-url", defaultValue = "http://localhost:8080/licensing")
    String publicUrl;

    /** The customer portal's login page as customers reach it from the outside, for links in mails. */
    public String portalLink() {
        return portalPage("login.xhtml");
    }

    /** A page of the customer portal as customers reach it, {@code page} relative to the portal's root. */
    public String portalPage(String page) {
        String base = publicUrl.strip();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/" + page;
    }

    /** Where notices for the vendor's staff go (a disabled webhook endpoint), if set. */
    public Optional<String> staffEmail() {
        return staffEmail.map(String::strip).filter(email -> !email.isBlank());
    }

    /** Without an SMTP host, mails are logged and skipped. */
    public boolean smtpConfigured() {
        return smtpHost.filter(host -> !host.isBlank()).isPresent();
    }

    /** The login, if the SMTP server wants one. */
    public Optional<String> smtpUser() {
        return smtpUser.filter(user -> !user.isBlank());
    }

    public String smtpPassword() {
        return smtpPassword.orElse("");
    }
}
