package org.pbxlicensing.it.lifecycle;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import jakarta.mail.MessagingException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.licensev2.EntitlementEndpoint;
import org.pbxlicensing.it.licensev2.MikoPbx;
import org.pbxlicensing.it.mail.Mails;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.MailServer;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.Sweeps;
import org.pbxlicensing.it.support.WebhookReceiver;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * A feature that releases hosts silent for 7 days: a host that sent nothing for 8 days loses its seat
 * once, is told by mail, audited, and keeps its customer's resets; one silent for 6 days, or one that
 * checked in meanwhile, keeps it.
 */
@SystemTest
class SilentHostIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private record Bound(String number, String email, String host, int feature) {
    }

    private static Bound bindOneHost() {
        int feature = Database.addFeatureReleasingSilentHosts(7);
        var form = TestData.registrationForm();
        String number = api().body(form).post("/registrations").then().statusCode(201)
                .extract().path("registrationNumber");
        String host = Pbx.newHostId();
        Pbx.activate(number, feature, host, "pbx-office").then().statusCode(200);
        return new Bound(number, (String) form.get("email"), host, feature);
    }

    @Test
    void aHostSilentForEightDaysIsReleasedOnceMailedAuditedAndCostsNoReset() {
        Bound bound = bindOneHost();

        Sweeps.silentHosts("P8D", bound.number()).then().statusCode(200).body("released", equalTo(1));
        Sweeps.silentHosts("P8D", bound.number()).then().statusCode(200).body("released", equalTo(0));
        Sweeps.silentHosts("P9D", bound.number()).then().statusCode(200).body("released", equalTo(0));

        assertEquals(0, activeBindings(bound));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM host_binding WHERE host_id = ? AND released_by = 'SYSTEM'
                AND release_reason = 'host silent for 7 days'""", bound.host()));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM audit_event WHERE action = 'BINDING_RELEASED_SILENT' AND actor_type = 'SYSTEM'
                AND subject = ?""", "host " + bound.host()));
        assertEquals(0, Database.count("""
                SELECT COUNT(*) FROM license_reset r JOIN host_binding b ON b.license_id = r.license_id
                WHERE b.host_id = ?""", bound.host()));
        assertEquals(0, Database.count("SELECT taken FROM license_seats s JOIN host_binding b"
                + " ON b.license_id = s.license_id WHERE b.host_id = ?", bound.host()));

        var mail = MailServer.awaitMailsTo(bound.email(), 2, PATIENCE).stream()
                .filter(m -> subject(m).contains("Освобождено место")).findFirst().orElseThrow();
        assertThat(Mails.text(mail), containsString("Хост pbx-office (" + bound.host() + ")"));
        assertThat(Mails.text(mail), containsString("не расходует ваш лимит сбросов"));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'SILENT_HOST_RELEASED'"
                + " AND recipient = ?", bound.email()));

        Pbx.reset(bound.number(), bound.host()).then().statusCode(404);

        var released = WebhookReceiver.suite().await(bound.number(), "binding.released", PATIENCE);
        assertEquals("SILENT_HOST", released.data().path("by").asText());
        assertEquals(bound.host(), released.data().path("hostId").asText());
        assertEquals(1, Database.count("SELECT COUNT(*) FROM webhook_delivery WHERE registration_number = ?"
                + " AND event_type = 'binding.released' AND endpoint_id = (SELECT id FROM webhook_endpoint WHERE url = ?)",
                bound.number(), WebhookReceiver.suite().url()), "one binding.released for the suite's endpoint");
    }

    @Test
    void aHostSilentForSixDaysKeepsItsSeat() {
        Bound bound = bindOneHost();

        Sweeps.silentHosts("P6D", bound.number()).then().statusCode(200).body("released", equalTo(0));
        assertEquals(1, activeBindings(bound));
        Pbx.check(bound.number(), bound.host()).then().statusCode(200);
    }

    @Test
    void aCheckIsAContactThatPutsTheReleaseOff() {
        Bound bound = bindOneHost();

        Pbx.checkShifted("P5D", bound.number(), bound.host()).then().statusCode(200);
        Poll.until("the check's sighting written", PATIENCE, () -> Database.count("""
                SELECT COUNT(*) FROM host_binding WHERE host_id = ? AND last_seen_at > UTC_TIMESTAMP() + INTERVAL 4 DAY""",
                bound.host()) == 1 ? Boolean.TRUE : null);

        Sweeps.silentHosts("P8D", bound.number()).then().statusCode(200).body("released", equalTo(0));
        assertEquals(1, activeBindings(bound));
        Sweeps.silentHosts("P12DT1H", bound.number()).then().statusCode(200).body("released", equalTo(1));
    }

    @Test
    void aLicenseV2PollIsAContactToo() {
        String number = Pbx.register();
        var pbx = new MikoPbx(number);
        Database.execute("UPDATE feature SET release_silent_after_days = 7 WHERE number = 33");
        try {
            EntitlementEndpoint.post(pbx.poll().body()).then().statusCode(200);
            assertEquals(1, Database.count("SELECT COUNT(*) FROM host_binding WHERE host_id = ? AND released_at IS NULL",
                    pbx.hostId()));

            EntitlementEndpoint.postShifted("P5D", pbx.poll().body()).then().statusCode(200);
            Poll.until("the poll's sighting written", PATIENCE, () -> Database.count("""
                    SELECT COUNT(*) FROM host_binding
                    WHERE host_id = ? AND last_seen_at > UTC_TIMESTAMP() + INTERVAL 4 DAY""", pbx.hostId()) == 1
                    ? Boolean.TRUE : null);
            Sweeps.silentHosts("P8D", number).then().statusCode(200).body("released", equalTo(0));
            Sweeps.silentHosts("P12DT1H", number).then().statusCode(200).body("released", equalTo(1));
        } finally {
            Database.execute("UPDATE feature SET release_silent_after_days = NULL WHERE number = 33");
        }
    }

    @Test
    void theDatabaseRefusesLessThanAWeekOfSilence() {
        int feature = Database.addFeatureReleasingSilentHosts(7);
        assertThrows(IllegalStateException.class, () -> Database.execute(
                "UPDATE feature SET release_silent_after_days = 6 WHERE number = ?", feature));
        assertEquals(1, Database.count(
                "SELECT COUNT(*) FROM feature WHERE number = ? AND release_silent_after_days = 7", feature));
    }

    private static long activeBindings(Bound bound) {
        return Database.count("SELECT COUNT(*) FROM host_binding WHERE host_id = ? AND released_at IS NULL",
                bound.host());
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
