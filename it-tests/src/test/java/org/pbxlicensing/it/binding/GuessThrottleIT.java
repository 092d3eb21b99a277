package org.pbxlicensing.it.binding;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.pbxlicensing.it.support.ServerUnderTest.apiFrom;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;

@SystemTest
class GuessThrottleIT {

    @Test
    void aClientGuessingNumbersIsRefusedEvenWhenItFinallyGuessesRight() {
        String guesser = ServerUnderTest.randomClientAddress();
        String number = Pbx.register();

        for (int i = 0; i < 20; i++) {
            apiFrom(guesser).body(Map.of("registrationNumber", "MIKO-00000-00000-00000-" + String.format("%05d", i),
                    "hostId", "h")).post("/checks").then().statusCode(404);
        }
        apiFrom(guesser).body(Map.of("registrationNumber", number, "hostId", "h")).post("/checks").then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("code", equalTo("TOO_MANY_ATTEMPTS"));

        apiFrom(ServerUnderTest.randomClientAddress())
                .body(Map.of("registrationNumber", number, "hostId", "h")).post("/checks").then()
                .statusCode(200);
    }
}
