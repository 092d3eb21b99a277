package org.pbxlicensing.it.session;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;
import static org.pbxlicensing.it.support.SessionClient.PANEL;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SessionClient;
import org.pbxlicensing.it.support.SystemTest;

@SystemTest
class SessionIT {

    @Test
    void capturesUpToTheSeatsAndReleaseFreesOne() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, PANEL, 3);

        String first = SessionClient.capture(number).then()
                .statusCode(201)
                .body("sessionId", matchesPattern("^[A-Za-z0-9_-]{22}$"))
                .body("ttlSeconds", equalTo(300))
                .extract().path("sessionId");
        String second = SessionClient.captured(number);
        SessionClient.captured(number);
        SessionClient.capture(number).then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("SEATS_EXHAUSTED"));
        assertNotEquals(first, second);
        assertEquals(3, SessionClient.liveSessions(number));

        SessionClient.release(first).then().statusCode(204);
        SessionClient.capture(number).then().statusCode(201);
        SessionClient.capture(number).then().statusCode(409).body("code", equalTo("SEATS_EXHAUSTED"));
        assertEquals(3, SessionClient.liveSessions(number));
        assertTrue(SessionClient.endedAs(first, "RELEASED"));
    }

    @Test
    void heartbeatsKeepASessionAlive() {
        String number = Pbx.register();
        String session = SessionClient.captured(number);

        SessionClient.heartbeat(session).then().statusCode(200).body("ttlSeconds", equalTo(300));
        SessionClient.heartbeatShifted("PT4M", session).then().statusCode(200).body("ttlSeconds", equalTo(300));
        SessionClient.captureShifted("PT6M", number).then()
                .statusCode(409).body("code", equalTo("SEATS_EXHAUSTED"));
        SessionClient.heartbeatShifted("PT8M", session).then().statusCode(200);
    }

    @Test
    void aSessionWithoutHeartbeatsExpiresAndFreesItsSeatForTheNextCapture() {
        String number = Pbx.register();
        String silent = SessionClient.captured(number);
        SessionClient.capture(number).then().statusCode(409).body("code", equalTo("SEATS_EXHAUSTED"));

        SessionClient.captureShifted("PT4M50S", number).then().statusCode(409);
        SessionClient.captureShifted("PT6M", number).then().statusCode(201);

        assertTrue(SessionClient.endedAs(silent, "EXPIRED"));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license_session
                WHERE session_id = ? AND ended_at = expires_at AND expires_at = started_at + INTERVAL 300 SECOND""",
                silent), "an expired session ended when its time to live ran out");
        SessionClient.heartbeat(silent).then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("SESSION_NOT_FOUND"));
    }

    @Test
    void heartbeatOfAnExpiredSessionIsSessionNotFoundAndMarksItExpired() {
        String number = Pbx.register();
        String session = SessionClient.captured(number);

        SessionClient.heartbeatShifted("PT6M", session).then()
                .statusCode(404)
                .body("code", equalTo("SESSION_NOT_FOUND"));
        assertTrue(SessionClient.endedAs(session, "EXPIRED"), "marked even before any timer ran");
        SessionClient.heartbeat(session).then().statusCode(404).body("code", equalTo("SESSION_NOT_FOUND"));
    }

    @Test
    void heartbeatOfAReleasedOrUnknownSessionIsSessionNotFound() {
        String number = Pbx.register();
        String session = SessionClient.captured(number);
        SessionClient.release(session).then().statusCode(204);

        SessionClient.heartbeat(session).then().statusCode(404).body("code", equalTo("SESSION_NOT_FOUND"));
        SessionClient.heartbeat("AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404)
                .body("code", equalTo("SESSION_NOT_FOUND"));
        SessionClient.heartbeat("not-an-id").then().statusCode(404).body("code", equalTo("SESSION_NOT_FOUND"));
    }

    @Test
    void releaseIsIdempotent() {
        String number = Pbx.register();
        String session = SessionClient.captured(number);

        SessionClient.release(session).then().statusCode(204);
        SessionClient.release(session).then().statusCode(204);
        SessionClient.release("AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(204);
        SessionClient.release("not-an-id").then().statusCode(204);
        assertEquals(1, Database.count(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'SESSION_RELEASED' AND subject = "
                        + "(SELECT CONCAT('session ', id) FROM license_session WHERE session_id = ?)", session));
    }

    @Test
    void releasingASessionThatAlreadyExpiredKeepsItExpired() {
        String number = Pbx.register();
        String session = SessionClient.captured(number);
        api().header("X-Clock-Shift", "PT10M").delete("/sessions/{id}", session).then().statusCode(204);
        assertTrue(SessionClient.endedAs(session, "EXPIRED"));
    }

    @Test
    void historyKeepsWhoHeldWhatAndHowItEnded() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, PANEL, 2);
        String released = SessionClient.capture(number, PANEL,
                Map.of("host", "crm-host-" + number, "user", "ivan", "process", "panel.exe"))
                .then().statusCode(201).extract().path("sessionId");
        String expired = SessionClient.captured(number);
        SessionClient.release(released).then().statusCode(204);
        SessionClient.heartbeatShifted("PT5M", expired).then().statusCode(404);

        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license_session s JOIN registration r ON r.id = s.registration_id
                JOIN license l ON l.id = s.license_id
                WHERE r.number = ? AND s.session_id = ? AND s.end_reason = 'RELEASED' AND s.ended_at IS NOT NULL
                AND s.feature_number = 46 AND l.kind = 'PERPETUAL' AND s.holder_host = ? AND s.holder_user = 'ivan'
                AND s.holder_process = 'panel.exe' AND s.client_address IS NOT NULL
                AND s.started_at <= s.last_heartbeat_at AND s.started_at <= s.ended_at""",
                number, released, "crm-host-" + number));
        assertTrue(SessionClient.endedAs(expired, "EXPIRED"));
        assertEquals(0, SessionClient.liveSessions(number));
        assertEquals(2, Database.count("""
                SELECT COUNT(*) FROM audit_event a JOIN registration r ON r.id = a.registration_id
                WHERE r.number = ? AND a.action = 'SESSION_CAPTURED' AND a.actor_type = 'API'""", number));
    }

    @Test
    void aRetriedCaptureWithItsIdempotencyKeyGetsTheSameSession() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, PANEL, 5);
        var body = Map.of("registrationNumber", number, "feature", PANEL, "holder", Map.of("user", "ivan"));
        String key = "capture-" + number;

        String first = api().header("Idempotency-Key", key).body(body).post("/sessions").then()
                .statusCode(201).extract().path("sessionId");
        api().header("Idempotency-Key", key).body(body).post("/sessions").then()
                .statusCode(201).body("sessionId", equalTo(first));
        api().header("Idempotency-Key", key).body(Map.of("registrationNumber", number, "feature", PANEL,
                "holder", Map.of("user", "petr"))).post("/sessions").then()
                .statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertEquals(1, SessionClient.liveSessions(number));
    }

    @Test
    void aPerHostFeatureIsNotLicensedForSessions() {
        String number = Pbx.register();
        SessionClient.capture(number, 33, Map.of("user", "ivan")).then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("NOT_LICENSED"));
        assertEquals(0, SessionClient.liveSessions(number));
    }

    @Test
    void unknownRegistrationIsNotFound() {
        SessionClient.capture("MIKO-00000-00000-00000-00000").then()
                .statusCode(404).body("code", equalTo("REGISTRATION_NOT_FOUND"));
    }
}
