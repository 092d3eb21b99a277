package org.pbxlicensing.it.support;

import static org.pbxlicensing.it.support.ServerUnderTest.api;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** A client of a per-session feature, such as a CRM telephony panel: it captures, heartbeats and releases sessions. */
public final class SessionClient {

    /** The CRM telephony panel, counted per session. */
    public static final int PANEL = 46;

    private SessionClient() {
    }

    public static Response capture(String registrationNumber) {
        return capture(api(), registrationNumber, PANEL, Map.of("user", "user-" + TestData.unique()));
    }

    public static Response capture(String registrationNumber, int feature, Map<String, Object> holder) {
        return capture(api(), registrationNumber, feature, holder);
    }

    /** A capture as the server would see it at {@code now + shift} (ISO-8601 duration, e.g. PT6M). */
    public static Response captureShifted(String shift, String registrationNumber) {
        return capture(api().header("X-Clock-Shift", shift), registrationNumber, PANEL,
                Map.of("user", "user-" + TestData.unique()));
    }

    /** Captures a session and answers its id. */
    public static String captured(String registrationNumber) {
        return capture(registrationNumber).then().statusCode(201).extract().path("sessionId");
    }

    public static Response heartbeat(String sessionId) {
        return api().put("/sessions/{id}", sessionId);
    }

    public static Response heartbeatShifted(String shift, String sessionId) {
        return api().header("X-Clock-Shift", shift).put("/sessions/{id}", sessionId);
    }

    public static Response release(String sessionId) {
        return api().delete("/sessions/{id}", sessionId);
    }

    /** Sessions of the registration that hold a seat, as written in the database. */
    public static long liveSessions(String registrationNumber) {
        return Database.count("""
                SELECT COUNT(*) FROM license_session s JOIN registration r ON r.id = s.registration_id
                WHERE r.number = ? AND s.ended_at IS NULL""", registrationNumber);
    }

    /** Whether the session's row says it ended for that reason. */
    public static boolean endedAs(String sessionId, String endReason) {
        return Database.count("""
                SELECT COUNT(*) FROM license_session
                WHERE session_id = ? AND end_reason = ? AND ended_at IS NOT NULL""", sessionId, endReason) == 1;
    }

    private static Response capture(RequestSpecification request, String registrationNumber, int feature,
            Map<String, Object> holder) {
        return request.body(Map.of("registrationNumber", registrationNumber, "feature", feature, "holder", holder))
                .post("/sessions");
    }
}
