package org.pbxlicensing.service.mail;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.pbxlicensing.domain.binding.HostBinding;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.mail.EmailMask;
import org.pbxlicensing.domain.mail.MailKind;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.domain.registration.Registration;

/** Writes the text of a mail, in Russian or English, from the registrations it tells about. */
public final class MailComposer {

    private static final String BUNDLE = "org.pbxlicensing.service.mail.mails";

    private MailComposer() {
    }

    /**
     * Empty when there is nothing to tell: a reminder for an email without registrations, a mail about a
     * license or binding that no longer exists.
     *
     * @param portalLink the customer portal's login page, as customers reach it
     */
    public static Optional<ComposedMail> compose(ClaimedMail claimed, String portalLink) {
        OutboxMail mail = claimed.mail();
        if (mail.kind() == MailKind.WEBHOOK_DISABLED) {
            return Optional.of(webhookDisabled(mail));
        }
        List<Registration> registrations = claimed.registrations();
        if (registrations.isEmpty()) {
            return Optional.empty();
        }
        Texts texts = new Texts(languageOf(mail, registrations));
        if ((mail.licenseId() != null && claimed.license() == null)
                || (mail.bindingId() != null && claimed.binding() == null)) {
            return Optional.empty();
        }
        return Optional.of(switch (mail.kind()) {
            case WELCOME -> welcome(mail, registrations.get(0), claimed.trialEnd(), portalLink, texts);
            case REGISTRATION_REMINDER -> reminder(mail, registrations, portalLink, texts);
            case LICENSE_EXPIRING, LICENSE_EXPIRED ->
                    licenseEnd(mail, registrations.get(0), claimed.license(), portalLink, texts);
            case SILENT_HOST_RELEASED -> silentHost(mail, registrations.get(0), claimed.binding(), portalLink, texts);
            case WEBHOOK_DISABLED -> webhookDisabled(mail);
        });
    }

    /**
     * The mail's language: for a reminder of forgotten numbers, the language of the email's latest
     * registration, whoever asked for it and in whatever language (the mail goes to the registration's owner);
     * for the others, the registration's, which the outbox row was written with.
     */
    private static String languageOf(OutboxMail mail, List<Registration> registrations) {
        if (mail.kind() != MailKind.REGISTRATION_REMINDER) {
            return mail.language();
        }
        return registrations.stream()
                .max(Comparator.comparing(Registration::createdAt).thenComparing(Registration::id))
                .map(Registration::language)
                .orElse(mail.language());
    }

    private static ComposedMail welcome(OutboxMail mail, Registration registration, Instant trialEnd,
            String portalLink, Texts texts) {
        String trial = trialEnd == null ? "" : texts.format("welcome.trial", texts.date(trialEnd));
        String body = texts.format("welcome.body", registration.contactPerson(), registration.company(),
                registration.number().value(), trial, portalLink);
        return new ComposedMail(mail.recipient(), texts.format("welcome.subject"), body, texts.language(),
                "welcome mail for " + registration.number().masked() + " to " + EmailMask.masked(mail.recipient()));
    }

    private static ComposedMail reminder(OutboxMail mail, List<Registration> registrations, String portalLink,
            Texts texts) {
        StringBuilder lines = new StringBuilder();
        for (Registration registration : registrations) {
            lines.append(texts.format("reminder.line", registration.number().value(), registration.company(),
                    registration.createdAt().atZone(ZoneOffset.UTC).toLocalDate().toString()));
        }
        String body = texts.format("reminder.body", mail.recipient(), lines.toString(), portalLink);
        return new ComposedMail(mail.recipient(), texts.format("reminder.subject"), body, texts.language(),
                "reminder with " + registrations.size() + " registration number(s) to "
                        + EmailMask.masked(mail.recipient()));
    }

    /** The coming or past end of a trial or term license, with the way to keep the feature. */
    private static ComposedMail licenseEnd(OutboxMail mail, Registration registration, License license,
            String portalLink, Texts texts) {
        String prefix = mail.kind() == MailKind.LICENSE_EXPIRING ? "expiring" : "expired";
        String feature = license.feature().nameIn(texts.language());
        String kind = texts.format("license." + license.kind().name());
        String body = texts.format(prefix + ".body", registration.contactPerson(), kind, feature,
                registration.number().value(), texts.date(license.endsAt()), portalLink);
        return new ComposedMail(mail.recipient(), texts.format(prefix + ".subject", feature), body,
                texts.language(),
                prefix + " mail of license " + license.id() + " of " + registration.number().masked() + " to "
                        + EmailMask.masked(mail.recipient()));
    }

    private static ComposedMail silentHost(OutboxMail mail, Registration registration, HostBinding binding,
            String portalLink, Texts texts) {
        String feature = binding.license().feature().nameIn(texts.language());
        String host = binding.hostName() == null || binding.hostName().isBlank()
                ? binding.hostId() : binding.hostName() + " (" + binding.hostId() + ")";
        long days = Duration.between(binding.lastSeenAt(), binding.releasedAt()).toDays();
        String body = texts.format("silent.body", registration.contactPerson(), feature, host,
                registration.number().value(), texts.date(binding.lastSeenAt()), days, portalLink);
        return new ComposedMail(mail.recipient(), texts.format("silent.subject", feature), body, texts.language(),
                "silent host mail of binding " + binding.id() + " of " + registration.number().masked() + " to "
                        + EmailMask.masked(mail.recipient()));
    }

    /**
     * A one-time link into the portal, to the email it was asked for, in {@code language}. The summary for
     * the log leaves the link out: its token is a credential.
     *
     * @param registrations how many registrations the link opens
     */
    public static ComposedMail loginLink(String recipient, String language, String link, int registrations) {
        Texts texts = new Texts(language);
        String body = texts.format("login-link.body", recipient, link, registrations);
        return new ComposedMail(recipient, texts.format("login-link.subject"), body, texts.language(),
                "login link to " + EmailMask.masked(recipient) + " opening " + registrations + " registration(s)");
    }

    /** Staff read both languages: the notice says it in Russian, then in English. */
    private static ComposedMail webhookDisabled(OutboxMail mail) {
        Texts ru = new Texts("ru");
        Texts en = new Texts("en");
        String body = ru.format("webhook-disabled.body", mail.about()) + "\n\n----\n\n"
                + en.format("webhook-disabled.body", mail.about());
        return new ComposedMail(mail.recipient(), ru.format("webhook-disabled.subject") + " / "
                + en.format("webhook-disabled.subject"), body, "ru",
                "webhook endpoint disabled notice to " + EmailMask.masked(mail.recipient()));
    }

    private static final class Texts {
        private final ResourceBundle bundle;
        private final Locale locale;

        Texts(String language) {
            this.locale = Locale.forLanguageTag("en".equals(language) ? "en" : "ru");
            this.bundle = ResourceBundle.getBundle(BUNDLE, locale, MailComposer.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }

        String language() {
            return locale.getLanguage();
        }

        /** A day as the reader's language writes it out, in UTC like every date of the portal. */
        String date(Instant instant) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                    .format(instant.atZone(ZoneOffset.UTC));
        }

        String format(String key, Object... arguments) {
            return new MessageFormat(bundle.getString(key), locale).format(arguments);
        }
    }
}
