package org.pbxlicensing.it.mail;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.MailServer;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

@SystemTest
class WelcomeMailIT {

    @Test
    void aRegistrationSendsOneWelcomeMailWithTheNumberToItsEmail() {
        var form = TestData.registrationForm();
        String email = (String) form.get("email");
        String number = api().body(form).post("/registrations").then().statusCode(201)
                .extract().path("registrationNumber");

        var mail = MailServer.awaitMailsTo(email, 1, Mails.PATIENCE).get(0);
        assertEquals("Регистрация в системе лицензирования", Mails.subject(mail));
        assertThat(Mails.text(mail), containsString(number));
        assertThat(Mails.text(mail), containsString((String) form.get("company")));
        assertThat(Mails.from(mail), containsString("licensing@pbx-licensing.test"));

        Mails.awaitOutbox("WELCOME", email, "SENT");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", email));
        assertEquals(1, MailServer.mailsTo(email).size());
    }

    @Test
    void theWelcomeMailIsInTheLanguageOfTheRegistration() {
        var form = TestData.registrationForm();
        String email = (String) form.get("email");
        String number = api().header("Accept-Language", "en").body(form).post("/registrations").then()
                .statusCode(201).extract().path("registrationNumber");

        var mail = MailServer.awaitMailsTo(email, 1, Mails.PATIENCE).get(0);
        assertEquals("Your registration with the licensing server", Mails.subject(mail));
        assertThat(Mails.text(mail), containsString("Your registration number is:\n\n    " + number));
    }

    @Test
    void aRefusedRegistrationSendsNothing() {
        var first = TestData.registrationForm();
        api().body(first).post("/registrations").then().statusCode(201);
        var otherCompany = TestData.registrationForm();
        otherCompany.put("email", first.get("email"));
        api().body(otherCompany).post("/registrations").then().statusCode(409);

        Mails.awaitOutbox("WELCOME", (String) first.get("email"), "SENT");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", first.get("email")));
    }

    @Test
    void whileSmtpIsDownRegistrationsSucceedAndTheirMailsFollowWhenItIsBack() {
        var form = TestData.registrationForm();
        String email = (String) form.get("email");
        String number;
        MailServer.stop();
        try {
            number = api().body(form).post("/registrations").then()
                    .statusCode(201)
                    .body("license.kind", equalTo("TRIAL"))
                    .extract().path("registrationNumber");
            Poll.until("a failed attempt to mail " + email, Duration.ofSeconds(30), () -> Database.count(
                    "SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND status = 'PENDING' AND attempts > 0",
                    email) > 0 ? Boolean.TRUE : null);
        } finally {
            MailServer.start();
        }

        var mail = MailServer.awaitMailsTo(email, 1, Mails.PATIENCE).get(0);
        assertThat(Mails.text(mail), containsString(number));
        Mails.awaitOutbox("WELCOME", email, "SENT");
        assertTrue(Database.count("SELECT attempts FROM mail_outbox WHERE recipient = ?", email) >= 2,
                "sent on a later attempt");
    }

    @Test
    void theWelcomeMailTellsTheTrialsEndAndLinksThePortalInRussian() {
        var form = TestData.registrationForm();
        String email = (String) form.get("email");
        String expiresAt = api().body(form).post("/registrations").then().statusCode(201)
                .extract().path("license.expiresAt");

        String text = Mails.text(MailServer.awaitMailsTo(email, 1, Mails.PATIENCE).get(0));
        assertThat(text, containsString("Пробная лицензия уже выдана и действует до " + longDate(expiresAt, "ru")));
        assertThat(text, containsString("    " + ServerUnderTest.BASE_URL + "/login.xhtml\n"));
    }

    @Test
    void theWelcomeMailTellsTheTrialsEndAndLinksThePortalInEnglish() {
        var form = TestData.registrationForm();
        String email = (String) form.get("email");
        String expiresAt = api().header("Accept-Language", "en").body(form).post("/registrations").then()
                .statusCode(201).extract().path("license.expiresAt");

        String text = Mails.text(MailServer.awaitMailsTo(email, 1, Mails.PATIENCE).get(0));
        assertThat(text,
                containsString("A trial license has been granted; it runs until " + longDate(expiresAt, "en")));
        assertThat(text, containsString("    " + ServerUnderTest.BASE_URL + "/login.xhtml\n"));
    }

    @Test
    void theLinkInTheWelcomeMailOpensThePortalsLogin() throws Exception {
        var form = TestData.registrationForm();
        String email = (String) form.get("email");
        api().body(form).post("/registrations").then().statusCode(201);

        String text = Mails.text(MailServer.awaitMailsTo(email, 1, Mails.PATIENCE).get(0));
        String link = text.lines().map(String::strip).filter(line -> line.startsWith("http")).findFirst().orElseThrow();
        var answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertThat(answer.body(), containsString("id=\"login\""));
    }

    private static String longDate(String instant, String language) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(java.util.Locale.forLanguageTag(language))
                .format(java.time.Instant.parse(instant).atZone(java.time.ZoneOffset.UTC));
    }
}
