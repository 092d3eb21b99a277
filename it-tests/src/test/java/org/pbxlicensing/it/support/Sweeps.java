package org.pbxlicensing.it.support;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Runs the server's timed sweeps at once, as of a moved clock, for one registration: the test-only
 * {@code /api/test/sweeps} door that exists while clock control is on.
 */
public final class Sweeps {

    private Sweeps() {
    }

    /** Expiry reminders and notices as the server would send them at {@code now + shift}. */
    public static Response expiry(String shift, String registrationNumber) {
        return sweep(ServerUnderTest.BASE_URL, "expiry", shift, registrationNumber);
    }

    /** Releases of silent hosts' bindings as the server would do them at {@code now + shift}. */
    public static Response silentHosts(String shift, String registrationNumber) {
        return silentHosts(ServerUnderTest.BASE_URL, shift, registrationNumber);
    }

    /** The same, on the server at {@code baseUrl} (one node of a cluster). */
    public static Response silentHosts(String baseUrl, String shift, String registrationNumber) {
        return sweep(baseUrl, "silent-hosts", shift, registrationNumber);
    }

    private static Response sweep(String baseUrl, String sweep, String shift, String registrationNumber) {
        return RestAssured.given()
                .header("X-Clock-Shift", shift)
                .header("X-Forwarded-For", ServerUnderTest.randomClientAddress())
                .queryParam("registration", registrationNumber)
                .post(baseUrl + "/api/test/sweeps/" + sweep);
    }
}
