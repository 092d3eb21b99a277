package org.pbxlicensing.it.mail;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pbxlicensing.it.support.MailServer;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.Sweeps;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * Every mail to a customer is multipart/alternative: the plain text as before and an HTML part saying the
 * same, both in the registration's language, with the portal's link and, for a trial, its end date; what
 * the customer typed is escaped in the HTML.
 */
@SystemTest
class HtmlMailIT {

    private static final String PORTAL = ServerUnderTest.BASE_URL + "/login.xhtml";

    private record Trial(String number, String email, Instant expiresAt) {
    }

    private static Trial register(String language, String company) {
        var form = TestData.registrationForm();
        form.put("company", company + " " + TestData.unique());
        var answer = api().header("Accept-Language", language).body(form).post("/registrations").then()
                .statusCode(201).extract();
        return new Trial(answer.path("registrationNumber"), (String) form.get("email"),
                Instant.parse(answer.path("license.expiresAt")));
    }

    private static void assertBothParts(MimeMessage mail, String language, String... contents) {
        assertThat(Mails.contentType(mail), containsString("multipart/alternative"));
        assertThat(Mails.html(mail), containsString("<html lang=\"" + language + "\">"));
        assertThat(Mails.html(mail), containsString("<a href=\"" + PORTAL + "\""));
        assertThat(Mails.text(mail), containsString("    " + PORTAL + "\n"));
        for (String content : contents) {
            assertThat(Mails.text(mail), containsString(content));
            assertThat(Mails.html(mail), containsString(content));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void theWelcomeMailHasBothPartsWithTheTrialsEnd(String language) {
        Trial trial = register(language, "Ромашка");
        MimeMessage mail = MailServer.awaitMailsTo(trial.email(), 1, Mails.PATIENCE).get(0);

        assertEquals("en".equals(language) ? "Your registration with the licensing server"
                : "Регистрация в системе лицензирования", Mails.subject(mail));
        assertBothParts(mail, language, trial.number(), longDate(trial.expiresAt(), language));
    }

    @Test
    void whatTheCustomerTypedIsEscapedInTheHtml() {
        Trial trial = register("ru", "<b>Ромашка</b> & \"Co\"");
        MimeMessage mail = MailServer.awaitMailsTo(trial.email(), 1, Mails.PATIENCE).get(0);

        assertThat(Mails.html(mail), containsString("&lt;b&gt;Ромашка&lt;/b&gt; &amp; &quot;Co&quot;"));
        assertThat(Mails.html(mail), not(containsString("<b>Ромашка")));
        assertThat(Mails.text(mail), containsString("<b>Ромашка</b> & \"Co\""));
    }

    /** Asked for in Russian, the reminder of an English registration is in English: it is its owner's mail. */
    @Test
    void theForgottenNumberMailHasBothPartsWithThePortalLinkInTheRegistrationsLanguage() {
        Trial trial = register("en", "ACME");
        MailServer.awaitMailsTo(trial.email(), 1, Mails.PATIENCE);
        api().header("Accept-Language", "ru").body(Map.of("email", trial.email())).post("/registration-reminders")
                .then().statusCode(202);

        MimeMessage mail = MailServer.awaitMailsTo(trial.email(), 2, Mails.PATIENCE).get(1);
        assertEquals("Your registration numbers", Mails.subject(mail));
        assertBothParts(mail, "en", trial.number());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void theExpiryReminderAndTheEndNoticeHaveBothPartsWithTheEndDate(String language) {
        Trial trial = register(language, "Василёк");
        MailServer.awaitMailsTo(trial.email(), 1, Mails.PATIENCE);

        Sweeps.expiry("P27D", trial.number()).then().statusCode(200);
        MimeMessage reminder = MailServer.awaitMailsTo(trial.email(), 2, Mails.PATIENCE).get(1);
        assertBothParts(reminder, language, trial.number(), longDate(trial.expiresAt(), language));

        Sweeps.expiry("P30DT1M", trial.number()).then().statusCode(200);
        MimeMessage notice = MailServer.awaitMailsTo(trial.email(), 3, Mails.PATIENCE).get(2);
        assertBothParts(notice, language, trial.number(), longDate(trial.expiresAt(), language));
        assertEquals("en".equals(language), contentLanguage(notice).equals("en"));
    }

    private static String contentLanguage(MimeMessage mail) {
        try {
            var parts = (jakarta.mail.Multipart) mail.getContent();
            return parts.getBodyPart(1).getHeader("Content-Language")[0];
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String longDate(Instant instant, String language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language))
                .format(instant.atZone(ZoneOffset.UTC));
    }
}
