package org.pbxlicensing.it.mail;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pbxlicensing.it.support.ServerUnderTest.api;
import static org.pbxlicensing.it.support.ServerUnderTest.apiFrom;

import io.restassured.response.Response;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.MailServer;
import org.pbxlicensing.it.support.Race;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

@SystemTest
class RegistrationReminderIT {

    private static final String SUBJECT = "Ваши регистрационные номера";

    private static Response remind(String email) {
        return api().body(Map.of("email", email)).post("/registration-reminders");
    }

    @Test
    void aKnownEmailIsSentAllItsRegistrationNumbers() {
        var form = TestData.registrationForm();
        String email = (String) form.get("email");
        String first = api().body(form).post("/registrations").then().statusCode(201)
                .extract().path("registrationNumber");
        String second = api().body(form).post("/registrations").then().statusCode(201)
                .extract().path("registrationNumber");
        MailServer.awaitMailsTo(email, 2, Mails.PATIENCE);

        remind(" " + email.toUpperCase() + " ").then().statusCode(202);

        var mails = MailServer.awaitMailsTo(email, 3, Mails.PATIENCE);
        var reminder = mails.stream().filter(mail -> SUBJECT.equals(Mails.subject(mail))).findFirst().orElseThrow();
        assertThat(Mails.text(reminder), containsString(first));
        assertThat(Mails.text(reminder), containsString(second));
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndNoMail() {
        var form = TestData.registrationForm();
        String known = (String) form.get("email");
        api().body(form).post("/registrations").then().statusCode(201);
        String unknown = "nobody-" + TestData.unique() + "@example.com";

        Response forKnown = remind(known);
        Response forUnknown = remind(unknown);

        forKnown.then().statusCode(202).contentType(startsWith("application/json")).body("message", notNullValue());
        forUnknown.then().statusCode(202);
        assertEquals(forKnown.contentType(), forUnknown.contentType());
        assertEquals(forKnown.asString(), forUnknown.asString());

        Mails.awaitOutbox("REGISTRATION_REMINDER", known, "SENT");
        Mails.awaitOutbox("REGISTRATION_REMINDER", unknown, "SKIPPED");
        assertEquals(0, MailServer.mailsTo(unknown).size());
    }

    @Test
    void theAnswerFollowsTheClientsLanguage() {
        api().header("Accept-Language", "en").body(Map.of("email", "x-" + TestData.unique() + "@example.com"))
                .post("/registration-reminders").then()
                .statusCode(202)
                .body("message", startsWith("If this address belongs to a registration"));
    }

    @Test
    void aMalformedEmailIsRefused() {
        remind("not-an-email").then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("email"))
                .body("errors[0].code", equalTo("INVALID_FORMAT"));
        api().body(Map.of()).post("/registration-reminders").then()
                .statusCode(400)
                .body("errors[0].code", equalTo("REQUIRED"));
        api().body(Map.of("email", 42)).post("/registration-reminders").then()
                .statusCode(400)
                .body("errors[0].code", equalTo("INVALID_TYPE"));
    }

    @Test
    void oneEmailIsRemindedAtMostThreeTimesAnHourWhoeverAsks() {
        String email = "often-" + TestData.unique() + "@example.com";
        for (int i = 0; i < 3; i++) {
            remind(email).then().statusCode(202);
        }
        remind(email).then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("code", equalTo("TOO_MANY_ATTEMPTS"));
    }

    @Test
    void oneClientAsksForAtMostTenRemindersAnHour() {
        String client = ServerUnderTest.randomClientAddress();
        for (int i = 0; i < 10; i++) {
            apiFrom(client).body(Map.of("email", "many-" + TestData.unique() + "@example.com"))
                    .post("/registration-reminders").then().statusCode(202);
        }
        apiFrom(client).body(Map.of("email", "many-" + TestData.unique() + "@example.com"))
                .post("/registration-reminders").then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("code", equalTo("TOO_MANY_ATTEMPTS"));
        remind("other-" + TestData.unique() + "@example.com").then().statusCode(202);
    }

    @Test
    void thirtyRequestsForOneEmailAtOnceQueueNoMoreThanThreeReminders() {
        String email = "raced-" + TestData.unique() + "@example.com";

        List<Integer> statuses = Race.run(30, i -> remind(email).statusCode());

        assertEquals(3, Collections.frequency(statuses, 202), statuses::toString);
        assertEquals(27, Collections.frequency(statuses, 429), statuses::toString);
        assertEquals(3, Database.count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", email));
    }
}
