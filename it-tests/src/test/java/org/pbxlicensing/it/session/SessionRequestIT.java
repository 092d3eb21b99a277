package org.pbxlicensing.it.session;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SessionClient;
import org.pbxlicensing.it.support.SystemTest;

/** Malformed captures are 400 problems with field errors, and leave nothing behind. */
@SystemTest
class SessionRequestIT {

    @Test
    void missingFieldsAreNamed() {
        api().body(Map.of()).post("/sessions").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("registrationNumber", "feature", "holder")))
                .body("errors[0].code", equalTo("REQUIRED"))
                .body("errors[0].message", notNullValue());
    }

    @Test
    void wrongTypesAreNamed() {
        String number = Pbx.register();
        var body = new HashMap<String, Object>();
        body.put("registrationNumber", number);
        body.put("feature", "46");
        body.put("holder", "ivan");
        api().body(body).post("/sessions").then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("feature", "holder")))
                .body("errors.code", equalTo(List.of("INVALID_TYPE", "INVALID_TYPE")));
        body.put("feature", 46.5);
        body.put("holder", Map.of("user", 7));
        api().body(body).post("/sessions").then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("feature", "holder.user")));
    }

    @Test
    void holderPartsAreChecked() {
        String number = Pbx.register();
        SessionClient.capture(number, SessionClient.PANEL, Map.of("host", "has space", "user", "x".repeat(256),
                        "process", "p"))
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("holder.host", "holder.user")))
                .body("errors.code", equalTo(List.of("INVALID_FORMAT", "TOO_LONG")));
        SessionClient.capture(number, 9999, Map.of("user", "ivan")).then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("feature")))
                .body("errors[0].code", equalTo("UNKNOWN_FEATURE"));
    }

    @Test
    void anEmptyHolderIsAllowed() {
        String number = Pbx.register();
        SessionClient.capture(number, SessionClient.PANEL, Map.of()).then().statusCode(201);
    }

    @Test
    void garbageIsAValidationProblem() {
        for (String garbage : new String[] {"not JSON", "[1]", "{\"feature\": ", "null"}) {
            api().body(garbage.getBytes(StandardCharsets.UTF_8)).post("/sessions").then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors.code", hasItem("MALFORMED_JSON"));
        }
    }

    @Test
    void refusedCapturesLeaveNothingBehind() {
        String number = Pbx.register();
        SessionClient.capture(number, SessionClient.PANEL, Map.of("host", "has space")).then().statusCode(400);
        assertEquals(0, Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.feature_number = 46""", number));
    }
}
