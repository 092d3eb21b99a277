package org.pbxlicensing.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pbxlicensing.it.support.SystemTest;

/** Bodies and requests that are not what the API expects get a 4xx problem, never a 5xx. */
@SystemTest
class MalformedRequestIT {

    static Stream<Arguments> garbageBodies() {
        return Stream.of(
                Arguments.of("not JSON", "company=ACME".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("truncated", "{\"company\": \"ACME\"".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("array", "[1,2,3]".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("string", "\"hello\"".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("null", "null".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("empty", new byte[0]),
                Arguments.of("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                Arguments.of("deep nesting", ("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("huge number", "{\"feature\": 1e999999, \"consent\": true}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("duplicate keys", "{\"company\": \"A\", \"company\": 5}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("SQL", "{\"company\": \"'; DROP TABLE registration; --\", \"email\": \"x' OR '1'='1\"}"
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbageBodies")
    void garbageBodyIsAValidationProblem(String name, byte[] body) {
        api().body(body).post("/registrations").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("title", notNullValue());
    }

    @Test
    void bodyLargerThanTheLimitIsRefused() {
        String huge = "{\"company\": \"" + "x".repeat(200_000) + "\"}";
        api().body(huge).post("/registrations").then()
                .statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void wrongContentTypeIsRefused() {
        api().contentType(ContentType.XML).body("<company/>").post("/registrations").then()
                .statusCode(415)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void wrongMethodIsRefused() {
        api().delete("/registrations").then()
                .statusCode(405)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void unknownPathIsNotFound() {
        api().get("/no-such-thing").then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void invalidIdempotencyKeyIsAValidationProblem() {
        api().header("Idempotency-Key", "x".repeat(300)).body("{}").post("/registrations").then()
                .statusCode(lessThan(500))
                .body("code", equalTo("VALIDATION_FAILED"));
    }
}
