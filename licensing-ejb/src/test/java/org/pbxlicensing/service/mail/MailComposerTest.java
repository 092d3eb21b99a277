package org.pbxlicensing.service.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.registration.RegistrationForm;
import org.pbxlicensing.domain.registration.RegistrationNumber;

class MailComposerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PORTAL = "https://licensing.example.com/licensing/login.xhtml";
    private static final Instant TRIAL_END = Instant.parse("2027-01-06T12:00:00Z");

    private static Registration registration(String company, String language) {
        var form = new RegistrationForm(company, "Иван Петров", "ivan@example.com", null, null, null, null, null,
                true);
        return new Registration(RegistrationNumber.generate(RANDOM), form, language, NOW);
    }

    @Test
    void theWelcomeMailCarriesTheNumberInTheRegistrationsLanguage() {
        var registration = registration("ООО Ромашка", "ru");
        var mail = MailComposer.compose(new ClaimedMail(OutboxMail.welcome(registration, NOW), List.of(registration)),
                PORTAL)
                .orElseThrow();

        assertEquals("ivan@example.com", mail.recipient());
        assertEquals("Регистрация в системе лицензирования", mail.subject());
        assertTrue(mail.body().contains("Здравствуйте, Иван Петров!"), mail.body());
        assertTrue(mail.body().contains("«ООО Ромашка»"), mail.body());
        assertTrue(mail.body().contains("    " + registration.number().value() + "\n"), mail.body());
    }

    @Test
    void englishIsWrittenInEnglish() {
        var registration = registration("ACME Ltd", "en");
        var mail = MailComposer.compose(new ClaimedMail(OutboxMail.welcome(registration, NOW), List.of(registration)),
                PORTAL)
                .orElseThrow();

        assertEquals("Your registration with the licensing server", mail.subject());
        assertTrue(mail.body().contains("The company \"ACME Ltd\" is registered."), mail.body());
    }

    @Test
    void aReminderListsEveryNumberOfTheEmailInTheLanguageOfItsLatestRegistration() {
        var first = registration("ООО Ромашка", "ru");
        var second = new Registration(RegistrationNumber.generate(RANDOM), new RegistrationForm("ООО Ромашка",
                "Иван Петров", "ivan@example.com", null, null, null, null, null, true), "en", NOW.plusSeconds(60));
        var mail = MailComposer.compose(new ClaimedMail(
                OutboxMail.registrationReminder("Ivan@Example.com", "ru", NOW), List.of(first, second)), PORTAL)
                .orElseThrow();

        assertEquals("Your registration numbers", mail.subject());
        String line = "    " + first.number().value() + " - ООО Ромашка, registered on 2026-11-27\n";
        assertTrue(mail.body().contains(line), mail.body());
        assertTrue(mail.body().contains(second.number().value()), mail.body());
        assertTrue(mail.body().contains("    " + PORTAL + "\n"), mail.body());
    }

    @Test
    void aReminderAskedForInEnglishOfARussianRegistrationIsInRussian() {
        var registration = registration("ООО Ромашка", "ru");
        var mail = MailComposer.compose(new ClaimedMail(
                OutboxMail.registrationReminder("ivan@example.com", "en", NOW), List.of(registration)), PORTAL)
                .orElseThrow();

        assertEquals("ru", mail.language());
        assertTrue(mail.body().contains(registration.number().value()), mail.body());
        assertEquals("Ваши регистрационные номера", mail.subject());
    }

    @Test
    void anUnknownEmailGetsNoMail() {
        assertTrue(MailComposer.compose(new ClaimedMail(
                OutboxMail.registrationReminder("nobody@example.com", "ru", NOW), List.of()), PORTAL).isEmpty());
    }

    @Test
    void theLogSummaryRevealsNeitherNumberNorAddress() {
        var registration = registration("ООО Ромашка", "ru");
        var mail = MailComposer.compose(new ClaimedMail(OutboxMail.welcome(registration, NOW), List.of(registration)),
                PORTAL)
                .orElseThrow();

        assertFalse(mail.summary().contains(registration.number().value()), mail.summary());
        assertTrue(mail.summary().contains(registration.number().masked()), mail.summary());
        assertFalse(mail.summary().contains("ivan@"), mail.summary());
    }

    @Test
    void theWelcomeMailTellsTheTrialsEndAndLinksThePortalInRussian() {
        var registration = registration("ООО Ромашка", "ru");
        var mail = MailComposer.compose(
                new ClaimedMail(OutboxMail.welcome(registration, NOW), List.of(registration), TRIAL_END), PORTAL)
                .orElseThrow();

        assertTrue(mail.body().contains("Пробная лицензия уже выдана и действует до 6 января 2027 г."), mail.body());
        assertTrue(mail.body().contains("    " + PORTAL + "\n"), mail.body());
    }

    @Test
    void theWelcomeMailTellsTheTrialsEndAndLinksThePortalInEnglish() {
        var registration = registration("ACME Ltd", "en");
        var mail = MailComposer.compose(
                new ClaimedMail(OutboxMail.welcome(registration, NOW), List.of(registration), TRIAL_END), PORTAL)
                .orElseThrow();

        assertTrue(mail.body().contains("A trial license has been granted; it runs until January 6, 2027."),
                mail.body());
        assertTrue(mail.body().contains("    " + PORTAL + "\n"), mail.body());
    }

    @Test
    void withoutATrialTheWelcomeMailSaysNothingOfOne() {
        var registration = registration("ACME Ltd", "en");
        var mail = MailComposer.compose(new ClaimedMail(OutboxMail.welcome(registration, NOW), List.of(registration)),
                PORTAL).orElseThrow();

        assertFalse(mail.body().contains("trial"), mail.body());
        assertTrue(mail.body().contains(PORTAL), mail.body());
    }

    @Test
    void aDisabledWebhookEndpointIsToldToStaffInBothLanguagesWithItsUrl() {
        var mail = MailComposer.compose(new ClaimedMail(OutboxMail.webhookDisabled(" staff@example.com ",
                "https://crm.example.com/hooks", NOW), List.of()), PORTAL).orElseThrow();
        assertEquals("staff@example.com", mail.recipient());
        assertEquals("Вебхук отключён / Webhook endpoint disabled", mail.subject());
        assertTrue(mail.body().contains("https://crm.example.com/hooks"));
        assertTrue(mail.body().contains("отключён") && mail.body().contains("has been disabled"), mail.body());
        assertFalse(mail.summary().contains("staff@example.com"));
    }

    @Test
    void theLoginLinkMailCarriesTheLinkInTheLanguageGivenButTheLogDoesNot() {
        String link = "https://licensing.example.com/licensing/login-link-open.xhtml?token=" + "a".repeat(43);
        var english = MailComposer.loginLink("ivan@example.com", "en", link, 2);
        var russian = MailComposer.loginLink("ivan@example.com", "ru", link, 2);

        assertEquals("Your link to the customer portal", english.subject());
        assertTrue(english.body().contains("    " + link + "\n"), english.body());
        assertTrue(english.body().contains("the 2 registrations of your company"), english.body());
        assertTrue(english.html().contains("<a href=\"" + link + "\""), english.html());
        assertEquals("Ссылка для входа в личный кабинет", russian.subject());
        assertTrue(russian.body().contains("действует один раз в течение 15 минут"), russian.body());
        assertFalse(english.summary().contains("a".repeat(43)), english.summary());
        assertFalse(english.summary().contains("ivan@"), english.summary());
    }
}
