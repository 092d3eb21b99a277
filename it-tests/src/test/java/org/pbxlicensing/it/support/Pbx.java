package org.pbxlicensing.it.support;

import static org.pbxlicensing.it.support.ServerUnderTest.api;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** A PBX talking to the server: it registers, activates and checks its host. */
public final class Pbx {

    private Pbx() {
    }

    /** Registers a new company for the feature and answers its registration number. */
    public static String register(int feature) {
        var form = TestData.registrationForm();
        form.put("feature", feature);
        return api().body(form).post("/registrations").then().statusCode(201).extract().path("registrationNumber");
    }

    public static String register() {
        return register(33);
    }

    public static Response activate(String registrationNumber, String hostId) {
        return activate(registrationNumber, 33, hostId, "pbx-" + hostId);
    }

    public static Response activate(String registrationNumber, int feature, String hostId, String hostName) {
        return api().body(Map.of(
                        "registrationNumber", registrationNumber,
                        "feature", feature,
                        "host", Map.of("id", hostId, "name", hostName, "os", "Linux 6.1", "productVersion", "2026.1.1")))
                .post("/activations");
    }

    public static Response check(String registrationNumber, String hostId) {
        return check(api(), registrationNumber, hostId);
    }

    /** A check as the server would see it at {@code now + shift} (ISO-8601 duration, e.g. P31D). */
    public static Response checkShifted(String shift, String registrationNumber, String hostId) {
        return check(api().header("X-Clock-Shift", shift), registrationNumber, hostId);
    }

    private static Response check(RequestSpecification request, String registrationNumber, String hostId) {
        return request.body(Map.of("registrationNumber", registrationNumber, "hostId", hostId)).post("/checks");
    }

    public static Response reset(String registrationNumber, String hostId) {
        return api().delete("/registrations/{number}/bindings/{host}", registrationNumber, hostId);
    }

    public static String newHostId() {
        return "host-" + TestData.unique();
    }
}
