package org.pbxlicensing.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;
import static org.pbxlicensing.it.support.ServerUnderTest.management;

import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.SystemTest;

@SystemTest
class FoundationIT {

    @Test
    void pingAnswersWithoutTouchingTheDatabase() {
        long fewest = Long.MAX_VALUE;
        // The fewest of a few tries: the server's own timers may send a statement while one ping runs.
        for (int i = 0; i < 5; i++) {
            long before = Database.statements();
            api().get("/ping").then()
                    .statusCode(200)
                    .body("status", equalTo("ok"))
                    .body("time", notNullValue());
            fewest = Math.min(fewest, Database.statements() - before);
        }
        assertEquals(0, fewest, "statements a ping sent to the database");
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
