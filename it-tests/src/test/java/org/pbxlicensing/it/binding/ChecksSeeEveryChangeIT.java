package org.pbxlicensing.it.binding;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Race;
import org.pbxlicensing.it.support.SystemTest;

/**
 * A node answers a check from the host's state it kept while nothing it reads has changed: every
 * change, however it is written (the API, another host, an operator's SQL), is in the next check.
 * Each test checks the host twice first, so that the answer comes from what was kept.
 */
@SystemTest
class ChecksSeeEveryChangeIT {

    private static final String REGISTRATION_ID = "(SELECT id FROM registration WHERE number = ?)";

    @Test
    void aLicenseChangedBySqlIsInTheNextCheck() {
        String number = Pbx.register();
        String host = boundAndChecked(number);

        Database.execute("UPDATE license SET seats = 4 WHERE registration_id = " + REGISTRATION_ID, number);

        Pbx.check(number, host).then().statusCode(200).body("features[0].seats", equalTo(4));
    }

    @Test
    void aBindingReleasedBySqlIsInTheNextCheck() {
        String number = Pbx.register();
        String host = boundAndChecked(number);

        Database.execute("UPDATE host_binding SET released_at = UTC_TIMESTAMP(6), released_by = 'STAFF' WHERE host_id = ?",
                host);

        Pbx.check(number, host).then().statusCode(200).body("status", equalTo("BINDING_RESET"));
    }

    @Test
    void aSeatTakenByAnotherHostIsInTheNextCheck() {
        String number = Pbx.register(34);
        Database.grantPerpetualLicense(number, 33, 3);
        String host = boundAndChecked(number);
        Pbx.check(number, host).then().body("status", equalTo("LICENSED")).body("features[0].seatsUsed", equalTo(1));

        Pbx.activate(number, Pbx.newHostId()).then().statusCode(200);

        Pbx.check(number, host).then().statusCode(200).body("features[0].seatsUsed", equalTo(2));
    }

    @Test
    void aFeatureRenamedBySqlIsInTheNextCheck() {
        String number = Pbx.register();
        String host = boundAndChecked(number);
        try {
            Database.execute("UPDATE feature SET name = 'Askozia PBX, renamed' WHERE number = 33");

            Pbx.check(number, host).then().statusCode(200).body("features[0].name", equalTo("Askozia PBX, renamed"));
        } finally {
            Database.execute("UPDATE feature SET name = 'Askozia PBX' WHERE number = 33");
        }
    }

    @Test
    void aSightingWrittenChangesNothingAChecksReads() {
        String number = Pbx.register();
        String host = boundAndChecked(number);
        String version = "SELECT version FROM registration_state WHERE registration_id = " + REGISTRATION_ID;
        long before = Database.count(version, number);

        Database.execute("UPDATE host_binding SET last_seen_at = UTC_TIMESTAMP(6) WHERE host_id = ?", host);

        assertEquals(before, Database.count(version, number));
        Pbx.check(number, host).then().statusCode(200).body("status", equalTo("TRIAL"));
    }

    /**
     * Checks arriving together read their registrations' versions in one statement: each still gets
     * its own registration's state, and the change made to half of them.
     */
    @Test
    void checksArrivingTogetherEachSeeTheirOwnRegistrationsChange() {
        int registrations = 16;
        List<String> numbers = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < registrations; i++) {
            numbers.add(Pbx.register());
            hosts.add(boundAndChecked(numbers.get(i)));
        }
        for (int i = 0; i < registrations; i += 2) {
            Database.execute("UPDATE host_binding SET released_at = UTC_TIMESTAMP(6), released_by = 'STAFF' WHERE host_id = ?",
                    hosts.get(i));
        }

        int rounds = 5;
        var answers = Race.run(registrations * rounds, i -> Pbx.check(numbers.get(i % registrations),
                hosts.get(i % registrations)).then().statusCode(200).extract().jsonPath());

        for (int i = 0; i < answers.size(); i++) {
            int registration = i % registrations;
            assertEquals(numbers.get(registration), answers.get(i).getString("registrationNumber"));
            assertEquals(hosts.get(registration), answers.get(i).getString("hostId"));
            assertEquals(registration % 2 == 0 ? "BINDING_RESET" : "TRIAL", answers.get(i).getString("status"));
        }
    }

    private static String boundAndChecked(String number) {
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);
        Pbx.check(number, host).then().statusCode(200);
        Pbx.check(number, host).then().statusCode(200);
        return host;
    }
}
