package org.pbxlicensing.it.licensev2;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Race;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/** MikoPBX installations polling {@code POST /entitlement}, played by {@link MikoPbx}. */
@SystemTest
class EntitlementIT {

    private static final long GRACE_SECONDS = Duration.ofDays(7).toSeconds();

    @Test
    void firstPollGetsTheTrialOfFeature33CappedByTheGrace() {
        String number = Pbx.register();
        var pbx = new MikoPbx(number);
        var request = pbx.poll();

        ServerToken token = EntitlementEndpoint.token(pbx, request);

        assertFalse(token.isRefusal());
        assertEquals(List.of("33"), List.copyOf(token.features().keySet()));
        assertEquals(token.iat() + GRACE_SECONDS, token.offlineUntil());
        assertEquals(token.offlineUntil(), token.features().get("33"), "a 30-day trial is capped by the 7-day grace");
        assertEquals(600, token.poll());
        assertEquals(token.iat() + 2 * 600, token.exp());
        assertEquals(number, token.key());
    }

    @Test
    void nearItsEndTheTrialEndsTheFeatureBeforeTheGrace() {
        Response registration = api().body(TestData.registrationForm()).post("/registrations");
        String number = registration.path("registrationNumber");
        long trialEnd = Instant.parse(registration.<String>path("license.expiresAt")).getEpochSecond();
        var pbx = new MikoPbx(number);
        var request = pbx.poll();

        String wire = EntitlementEndpoint.postShifted("P29D", request.body()).then().statusCode(200)
                .extract().path("token");
        var token = ServerToken.accept(wire, EntitlementEndpoint::pinnedKey, pbx, request,
                Instant.now().plus(Duration.ofDays(29)));

        assertEquals(trialEnd, token.features().get("33"));
        assertTrue(token.features().get("33") < token.offlineUntil());
    }

    @Test
    void theKeyIsEchoedAsThePbxSentIt() {
        String number = Pbx.register();
        String sloppy = number.toLowerCase().replace("-", " ");
        var pbx = new MikoPbx(sloppy);
        var token = EntitlementEndpoint.token(pbx, pbx.poll());
        assertEquals(sloppy, token.key());
        assertEquals(List.of("33"), List.copyOf(token.features().keySet()));
    }

    @Test
    void installationsAppearAsHostsWithTheirDetails() {
        String number = Pbx.register();
        var pbx = new MikoPbx(number);
        EntitlementEndpoint.token(pbx, pbx.poll());

        api().get("/registrations/{number}/bindings", number).then()
                .statusCode(200)
                .body("hostId", equalTo(List.of(pbx.hostId())))
                .body("[0].hostName", equalTo("pbx-" + pbx.installId().substring(0, 6)))
                .body("[0].os", equalTo("mikopbx (vm)"))
                .body("[0].productVersion", equalTo("2026.1.1"))
                .body("[0].feature.number", equalTo(33));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM audit_event a JOIN registration r ON r.id = a.registration_id
                WHERE r.number = ? AND a.action = 'HOST_BOUND' AND a.subject = ?""", number, "host " + pbx.hostId()));
    }

    @Test
    void aResetInstallationIsRefusedOnceAndTheOtherTakesTheSeat() {
        String number = Pbx.register();
        var first = new MikoPbx(number);
        var second = new MikoPbx(number);
        assertEquals(List.of("33"), List.copyOf(EntitlementEndpoint.token(first, first.poll()).features().keySet()));
        assertTrue(EntitlementEndpoint.token(second, second.poll()).features().isEmpty(),
                "a one-seat trial has no seat for a second installation");

        Pbx.reset(number, first.hostId()).then().statusCode(204);

        ServerToken refusal = EntitlementEndpoint.refusal(first, first.poll());
        assertTrue(refusal.isRefusal());
        assertEquals("BINDING_RESET", refusal.code());
        assertEquals(List.of("33"), List.copyOf(EntitlementEndpoint.token(second, second.poll()).features().keySet()));
        assertTrue(EntitlementEndpoint.token(first, first.poll()).features().isEmpty(),
                "after its refusal the first binds again only while a seat is free");
        api().get("/registrations/{number}/bindings", number).then()
                .body("hostId", equalTo(List.of(second.hostId())));
    }

    @Test
    void aReplayedSeqIsRefusedAsReplay() {
        String number = Pbx.register();
        var pbx = new MikoPbx(number);
        var first = pbx.poll();
        EntitlementEndpoint.token(pbx, first);

        EntitlementEndpoint.post(first.body()).then().statusCode(409).body("code", equalTo("replay"));

        pbx.jumpSeq(-1);
        EntitlementEndpoint.post(pbx.poll().body()).then().statusCode(409).body("code", equalTo("replay"));
        pbx.jumpSeq(10);
        EntitlementEndpoint.token(pbx, pbx.poll());
        assertEquals(12, Database.count("SELECT last_seq FROM licensev2_installation WHERE install_id = ?",
                pbx.installId()));
    }

    @Test
    void ofRacingRequestsWithOneSeqExactlyOnePasses() {
        var pbx = new MikoPbx(Pbx.register());
        EntitlementEndpoint.token(pbx, pbx.poll());
        var contested = pbx.poll();
        List<Integer> statuses = Race.run(6, i -> EntitlementEndpoint.post(contested.body()).statusCode());
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
    }

    @Test
    void anUnknownRegistrationNumberGetsASignedRefusalAndNothingIsStored() {
        var pbx = new MikoPbx("MIKO-00000-00000-00000-00000");
        ServerToken refusal = EntitlementEndpoint.refusal(pbx, pbx.poll());
        assertEquals("REGISTRATION_NOT_FOUND", refusal.code());
        assertEquals(0, Database.count("SELECT COUNT(*) FROM licensev2_installation WHERE install_id = ?",
                pbx.installId()));
    }

    /**
     * The poll reads the client's failed guesses in the statement that finds the registration: past the
     * limit ({@code LICENSING_THROTTLE_MAX_FAILURES}, 20 in the test server) even the right number is refused.
     */
    @Test
    void aPbxGuessingRegistrationNumbersIsRefusedWith429EvenWhenItFinallyGuessesRight() {
        String guesser = ServerUnderTest.randomClientAddress();
        for (int i = 0; i < 20; i++) {
            var stranger = new MikoPbx("MIKO-00000-00000-00000-" + String.format("%05d", i));
            var request = stranger.poll();
            Response refused = pollFrom(guesser, request.body());
            refused.then().statusCode(403);
            assertEquals("REGISTRATION_NOT_FOUND",
                    EntitlementEndpoint.accept(stranger, request, refused.path("refusal")).code());
        }
        String number = Pbx.register();
        var owner = new MikoPbx(number);

        pollFrom(guesser, owner.poll().body()).then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("code", equalTo("TOO_MANY_ATTEMPTS"));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM licensev2_installation WHERE install_id = ?",
                owner.installId()));
        assertTrue(EntitlementEndpoint.token(owner, owner.poll()).features().containsKey("33"),
                "another address polls as before");
    }

    private static Response pollFrom(String clientAddress, byte[] body) {
        return io.restassured.RestAssured.given().contentType("application/json")
                .header("X-Forwarded-For", clientAddress).body(body).post(EntitlementEndpoint.URL);
    }

    @Test
    void aPaidPerHostFeatureIsBoundBesideTheProduct() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, 31, 2);
        var pbx = new MikoPbx(number);
        var token = EntitlementEndpoint.token(pbx, pbx.poll());
        assertEquals(List.of("31", "33"), List.copyOf(token.features().keySet()));
        assertEquals(token.offlineUntil(), token.features().get("31"), "a perpetual license lasts the grace");
        api().get("/registrations/{number}/bindings", number).then().body("feature.number", hasItem(31));
    }
}
