package org.pbxlicensing.it.binding;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.time.Duration;
import java.time.Instant;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;

/** A customer may reset the bindings of a license three times in any 30 days; the fourth waits. */
@SystemTest
class ResetQuotaIT {

    private static final Duration WINDOW = Duration.ofDays(30);

    @Test
    void theFourthResetIsRefusedWithTheDateOfTheNextAndReleasesNothing() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Instant firstReset = Instant.now().minusSeconds(1);
        for (int reset = 1; reset <= 3; reset++) {
            Pbx.activate(number, host).then().statusCode(200);
            Pbx.reset(number, host).then().statusCode(204);
        }
        Instant lastReset = Instant.now().plusSeconds(1);
        Pbx.activate(number, host).then().statusCode(200);

        var refusal = Pbx.reset(number, host).then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("RESET_QUOTA_EXCEEDED"))
                .header("Retry-After", notNullValue())
                .extract();

        Instant next = Instant.parse(refusal.path("nextResetAt"));
        assertFalse(next.isBefore(firstReset.plus(WINDOW)), next.toString());
        assertTrue(next.isBefore(lastReset.plus(WINDOW)), next.toString());
        long retryAfter = Long.parseLong(refusal.header("Retry-After"));
        assertTrue(Math.abs(retryAfter - Duration.between(Instant.now(), next).toSeconds()) < 3600, "Retry-After " + retryAfter);
        Pbx.check(number, host).then().body("status", equalTo("TRIAL"));
    }

    @Test
    void aHostOfSeveralLicensesIsResetForAllOrNotAtAll() {
        String number = Pbx.register(34);
        String both = Pbx.newHostId();
        String other = Pbx.newHostId();
        Database.grantPerpetualLicense(number, 31, 2);
        for (int reset = 1; reset <= 3; reset++) {
            Pbx.activate(number, 31, other, "other").then().statusCode(200);
            Pbx.reset(number, other).then().statusCode(204);
        }
        Pbx.activate(number, 31, both, "both").then().statusCode(200);
        Pbx.activate(number, 34, both, "both").then().statusCode(200);

        Pbx.reset(number, both).then().statusCode(429).body("code", equalTo("RESET_QUOTA_EXCEEDED"));

        api().get("/registrations/{number}/bindings", number).then().statusCode(200).body("$", hasSize(2));
    }

    @Test
    void theWindowRollsResetsOlderThanThirtyDaysNoLongerCount() {
        String number = Pbx.register(34);
        Database.grantPerpetualLicense(number, 33, 1);
        String host = Pbx.newHostId();
        for (int reset = 1; reset <= 3; reset++) {
            Pbx.activate(number, host).then().statusCode(200);
            Pbx.reset(number, host).then().statusCode(204);
        }
        Pbx.activate(number, host).then().statusCode(200);

        resetAt("P29D", number, host).statusCode(429);
        resetAt("P29DT23H", number, host).statusCode(429);
        resetAt("P30DT1M", number, host).statusCode(204);

        Pbx.check(number, host).then().body("status", equalTo("BINDING_RESET"));
    }

    @Test
    void theQuotaIsPerLicense() {
        String number = Pbx.register(34);
        Database.grantPerpetualLicense(number, 33, 1);
        String host = Pbx.newHostId();
        String otherHost = Pbx.newHostId();
        for (int reset = 1; reset <= 3; reset++) {
            Pbx.activate(number, host).then().statusCode(200);
            Pbx.reset(number, host).then().statusCode(204);
        }
        Pbx.activate(number, 34, otherHost, "other").then().statusCode(200);

        Pbx.reset(number, otherHost).then().statusCode(204);
    }

    private static ValidatableResponse resetAt(String shift, String number, String host) {
        return api().header("X-Clock-Shift", shift)
                .delete("/registrations/{number}/bindings/{host}", number, host).then();
    }
}
