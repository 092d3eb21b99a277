package org.pbxlicensing.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;
import static org.pbxlicensing.it.support.ServerUnderTest.management;

import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.SystemTest;

@SystemTest
class FoundationIT {

    @Test
    void pingAnswersWithoutTouchingTheDatabase() {
        api().get("/ping").then()
                .statusCode(200)
                .body("status", equalTo("ok"))
                .body("time", notNullValue());
    }

    @Test
    void featureCatalogueComesFromTheMigratedDatabase() {
        api().get("/features").then()
                .statusCode(200)
                .body("number", hasItems(31, 32, 33, 34, 46, 47))
                .body("find { it.number == 33 }.name", equalTo("Askozia PBX"))
                .body("find { it.number == 46 }.countingMode", equalTo("PER_SESSION"))
                .body("find { it.number == 33 }.trialDays", equalTo(30));
    }

    @Test
    void serverIsLiveAndReadyWithItsDatabase() {
        management().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
        management().get("/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
    }
}
