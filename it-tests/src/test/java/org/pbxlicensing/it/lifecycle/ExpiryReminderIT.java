package org.pbxlicensing.it.lifecycle;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.mail.Mails;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.MailServer;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.Sweeps;
import org.pbxlicensing.it.support.WebhookReceiver;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * A trial's customer hears of its end once before it (3 days, the default) and once when it has ended,
 * whatever the number of sweeps: the server's clock is moved per request and the sweep run at once.
 */
@SystemTest
class ExpiryReminderIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private record Trial(String number, String email, Instant expiresAt) {
    }

    private static Trial register(String language) {
        var form = TestData.registrationForm();
        var answer = api().header("Accept-Language", language).body(form).post("/registrations").then()
                .statusCode(201).extract();
        return new Trial(answer.path("registrationNumber"), (String) form.get("email"),
                Instant.parse(answer.path("license.expiresAt")));
    }

    @Test
    void threeDaysBeforeTheEndOneReminderThenAtTheEndOneNotice() {
        Trial trial = register("ru");
        MailServer.awaitMailsTo(trial.email(), 1, PATIENCE);

        Sweeps.expiry("P26D", trial.number()).then().statusCode(200).body("sent", equalTo(0));

        Sweeps.expiry("P27D", trial.number()).then().statusCode(200).body("sent", equalTo(1));
        MimeMessage reminder = MailServer.awaitMailsTo(trial.email(), 2, PATIENCE).get(1);
        assertEquals("Скоро закончится лицензия на «Askozia PBX»", subject(reminder));
        String text = Mails.text(reminder);
        assertThat(text, containsString("заканчивается " + longDate(trial.expiresAt(), "ru")));
        assertThat(text, containsString(trial.number()));
        assertThat(text, containsString("«Активировать купон»"));
        assertThat(text, containsString("    " + ServerUnderTest.BASE_URL + "/login.xhtml\n"));

        Sweeps.expiry("P27D", trial.number()).then().statusCode(200).body("sent", equalTo(0));
        Sweeps.expiry("P29D", trial.number()).then().statusCode(200).body("sent", equalTo(0));

        Sweeps.expiry("P30DT1M", trial.number()).then().statusCode(200).body("sent", equalTo(1));
        MimeMessage notice = MailServer.awaitMailsTo(trial.email(), 3, PATIENCE).get(2);
        assertEquals("Закончилась лицензия на «Askozia PBX»", subject(notice));
        Sweeps.expiry("P31D", trial.number()).then().statusCode(200).body("sent", equalTo(0));

        awaitSent("LICENSE_EXPIRED", trial.email());
        assertEquals(1, outbox("LICENSE_EXPIRING", trial.email()));
        assertEquals(1, outbox("LICENSE_EXPIRED", trial.email()));
        assertEquals(3, MailServer.mailsTo(trial.email()).size());
        assertEquals(1, audited("LICENSE_END_REMINDED", trial.number()));
        assertEquals(1, audited("LICENSE_ENDED", trial.number()));

        var receiver = WebhookReceiver.suite();
        var expiring = receiver.await(trial.number(), "license.expiring", PATIENCE);
        Instant expiresAt = Instant.parse(expiring.data().path("expiresAt").asText());
        assertEquals(0, Duration.between(trial.expiresAt(), expiresAt).toSeconds(), "the trial's end: " + expiresAt);
        receiver.await(trial.number(), "license.expired", PATIENCE);
        for (String type : new String[] {"license.expiring", "license.expired"}) {
            assertEquals(1, Database.count("SELECT COUNT(*) FROM webhook_delivery WHERE registration_number = ?"
                    + " AND event_type = ? AND endpoint_id = (SELECT id FROM webhook_endpoint WHERE url = ?)",
                    trial.number(), type, receiver.url()), "one " + type + " for the suite's endpoint");
        }
    }

    @Test
    void theReminderIsInTheLanguageOfTheRegistration() {
        Trial trial = register("en");
        MailServer.awaitMailsTo(trial.email(), 1, PATIENCE);

        Sweeps.expiry("P28D", trial.number()).then().statusCode(200).body("sent", equalTo(1));
        MimeMessage reminder = MailServer.awaitMailsTo(trial.email(), 2, PATIENCE).get(1);
        assertEquals("Your license for \"Askozia PBX\" ends soon", subject(reminder));
        assertThat(Mails.text(reminder), containsString("The trial license for \"Askozia PBX\" of registration "
                + trial.number() + " runs until " + longDate(trial.expiresAt(), "en") + "."));
        assertThat(Mails.text(reminder), containsString("\"Activate a coupon\""));
    }

    @Test
    void aTrialThatAPaidLicenseContinuesGetsNoReminderAndNoNotice() {
        Trial trial = register("ru");
        Database.grantPerpetualLicense(trial.number(), 33, 1);

        Sweeps.expiry("P27D", trial.number()).then().statusCode(200).body("sent", equalTo(0));
        Sweeps.expiry("P30DT1M", trial.number()).then().statusCode(200).body("sent", equalTo(0));
        assertEquals(0, outbox("LICENSE_EXPIRING", trial.email()) + outbox("LICENSE_EXPIRED", trial.email()));
    }

    @Test
    void aServerThatMissedTheReminderSendsOnlyTheNoticeAndNothingForLongEndedLicenses() {
        Trial trial = register("ru");

        Sweeps.expiry("P31D", trial.number()).then().statusCode(200).body("sent", equalTo(1));
        assertEquals(0, outbox("LICENSE_EXPIRING", trial.email()));
        assertEquals(1, outbox("LICENSE_EXPIRED", trial.email()));

        Trial old = register("ru");
        Sweeps.expiry("P38D", old.number()).then().statusCode(200).body("sent", equalTo(0));
    }

    private static long outbox(String kind, String email) {
        return Database.count("SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND recipient = ?", kind, email);
    }

    private static void awaitSent(String kind, String email) {
        Poll.until("a sent " + kind + " mail to " + email, PATIENCE, () -> Database.count(
                "SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND recipient = ? AND status = 'SENT'", kind,
                email) > 0 ? Boolean.TRUE : null);
    }

    private static long audited(String action, String number) {
        return Database.count("""
                SELECT COUNT(*) FROM audit_event a JOIN registration r ON r.id = a.registration_id
                WHERE a.action = ? AND r.number = ? AND a.actor_type = 'SYSTEM'""", action, number);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String longDate(Instant instant, String language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language))
                .format(instant.atZone(ZoneOffset.UTC));
    }
}
