package org.pbxlicensing.it.support;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Where the server under test listens, and a request preset for its JSON API. */
public final class ServerUnderTest implements BeforeAllCallback {

    public static final String BASE_URL = System.getProperty("it.base.url", "http://localhost:8180/licensing");
    public static final String MANAGEMENT_URL = System.getProperty("it.management.url", "http://localhost:10090");

    @Override
    public void beforeAll(ExtensionContext context) {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /**
     * A request to the JSON API, {@code path} relative to {@code /api/v1}, from a client address of
     * its own (through {@code X-Forwarded-For}), so that one test's failed look-ups never throttle another's.
     */
    public static RequestSpecification api() {
        return apiFrom(randomClientAddress());
    }

    /** A request to the JSON API from the given client address. */
    public static RequestSpecification apiFrom(String clientAddress) {
        return apiOf(BASE_URL, clientAddress);
    }

    /** A request to the JSON API of the server at {@code baseUrl} (e.g. one node of a cluster). */
    public static RequestSpecification apiOf(String baseUrl, String clientAddress) {
        return RestAssured.given(new RequestSpecBuilder()
                .setBaseUri(baseUrl + "/api/v1")
                .setContentType(ContentType.JSON)
                .setAccept(ContentType.JSON)
                .addHeader("X-Forwarded-For", clientAddress)
                .build());
    }

    public static String randomClientAddress() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public static RequestSpecification management() {
        return RestAssured.given().baseUri(MANAGEMENT_URL);
    }
}
