package org.pbxlicensing.it.binding;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.SystemTest;

@SystemTest
class HostBindingIT {

    @Test
    void oneSeatTrialMovesFromHostAToHostBAfterAReset() {
        String number = Pbx.register();
        String hostA = Pbx.newHostId();
        String hostB = Pbx.newHostId();

        Pbx.activate(number, hostA).then()
                .statusCode(200)
                .body("status", equalTo("TRIAL"))
                .body("hostId", equalTo(hostA));
        Pbx.check(number, hostA).then()
                .statusCode(200)
                .body("registrationNumber", equalTo(number))
                .body("status", equalTo("TRIAL"))
                .body("features", hasSize(1))
                .body("features[0].number", equalTo(33))
                .body("features[0].name", equalTo("Askozia PBX"))
                .body("features[0].kind", equalTo("TRIAL"))
                .body("features[0].daysLeft", equalTo(30))
                .body("features[0].seats", equalTo(1))
                .body("features[0].seatsUsed", equalTo(1))
                .body("eula.required", equalTo(true))
                .body("pollSeconds", equalTo(600))
                .body("message", notNullValue());

        Pbx.activate(number, hostB).then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("SEATS_EXHAUSTED"));

        Pbx.reset(number, hostA).then().statusCode(204);
        Pbx.activate(number, hostB).then().statusCode(200).body("status", equalTo("TRIAL"));

        Pbx.check(number, hostA).then()
                .statusCode(200)
                .body("status", equalTo("BINDING_RESET"))
                .body("features", empty());
        Pbx.check(number, hostB).then().statusCode(200).body("status", equalTo("TRIAL"));
    }

    @Test
    void reActivationFromABoundHostKeepsOneBindingAndRefreshesItsDetails() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, 33, host, "old-name").then().statusCode(200);
        Pbx.activate(number, 33, host, "new-name").then().statusCode(200).body("features[0].seatsUsed", equalTo(1));

        api().get("/registrations/{number}/bindings", number).then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].hostId", equalTo(host))
                .body("[0].hostName", equalTo("new-name"))
                .body("[0].os", equalTo("Linux 6.1"))
                .body("[0].productVersion", equalTo("2026.1.1"))
                .body("[0].ip", notNullValue())
                .body("[0].feature.number", equalTo(33))
                .body("[0].feature.name", equalTo("Askozia PBX"))
                .body("[0].boundAt", notNullValue())
                .body("[0].lastSeenAt", notNullValue());
    }

    @Test
    void anActivationAnswersEveryFeatureTheHostHoldsWithTheSeatsTakenOfEach() {
        String number = Pbx.register(33);
        Database.grantPerpetualLicense(number, 33, 3);
        String host = Pbx.newHostId();
        Pbx.activate(number, Pbx.newHostId()).then().statusCode(200);
        Pbx.activate(number, host).then().statusCode(200).body("features[0].seatsUsed", equalTo(2));

        Pbx.activate(number, 31, host, "pbx").then()
                .statusCode(200)
                .body("features.number", equalTo(java.util.List.of(31, 33)))
                .body("features[0].kind", equalTo("TRIAL"))
                .body("features[0].seatsUsed", equalTo(1))
                .body("features[1].kind", equalTo("PERPETUAL"))
                .body("features[1].seats", equalTo(3))
                .body("features[1].seatsUsed", equalTo(2));
        Pbx.check(number, host).then()
                .statusCode(200)
                .body("features.number", equalTo(java.util.List.of(31, 33)))
                .body("features.seatsUsed", equalTo(java.util.List.of(1, 2)));
    }

    @Test
    void aHostWhoseLicenseEndedIsBoundToAnotherLicenseOnItsNextActivation() {
        String number = Pbx.register(33);
        Database.grantPerpetualLicense(number, 33, 1);
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200).body("features[0].seats", equalTo(1));
        Database.execute("""
                UPDATE license SET revoked_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND
                WHERE kind = 'PERPETUAL' AND registration_id = (SELECT id FROM registration WHERE number = ?)""", number);
        Database.grantPerpetualLicense(number, 33, 5);

        Pbx.activate(number, host).then()
                .statusCode(200)
                .body("status", equalTo("LICENSED"))
                .body("features", hasSize(1))
                .body("features[0].seats", equalTo(5))
                .body("features[0].seatsUsed", equalTo(1));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM host_binding WHERE host_id = ? AND released_at IS NOT NULL
                AND release_reason = 'license ended'""", host));
        api().get("/registrations/{number}/bindings", number).then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aCheckNotesThatAHostLastSeenLongAgoWasSeen() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);
        String ofTheHost = "SELECT COUNT(*) FROM host_binding WHERE host_id = ? AND released_at IS NULL";
        Database.execute("UPDATE host_binding SET last_seen_at = UTC_TIMESTAMP(6) - INTERVAL 2 HOUR WHERE host_id = ?", host);

        Pbx.check(number, host).then().statusCode(200);

        Poll.until("the note that " + host + " was seen", Duration.ofSeconds(60), () -> Database.count(
                ofTheHost + " AND last_seen_at > UTC_TIMESTAMP(6) - INTERVAL 5 MINUTE", host) == 1 ? true : null);
        assertEquals(1, Database.count(ofTheHost, host));
    }

    @Test
    void aCheckNeverBinds() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.check(number, host).then()
                .statusCode(200)
                .body("status", equalTo("NOT_LICENSED"))
                .body("features", empty());
        api().get("/registrations/{number}/bindings", number).then().statusCode(200).body("$", empty());
    }

    @Test
    void firstActivationOfAnotherFeatureStartsItsTrialOnce() {
        String number = Pbx.register(33);
        String host = Pbx.newHostId();
        Pbx.activate(number, 31, host, "pbx").then()
                .statusCode(200)
                .body("status", equalTo("TRIAL"))
                .body("features.number", equalTo(java.util.List.of(31)));
        Pbx.reset(number, host).then().statusCode(204);
        Pbx.activate(number, 31, host, "pbx").then().statusCode(200);
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.feature_number = 31""", number));
    }

    @Test
    void paidLicenseIsUsedBeforeTheTrial() {
        String number = Pbx.register(33);
        Database.grantPerpetualLicense(number, 33, 2);
        Pbx.activate(number, Pbx.newHostId()).then()
                .statusCode(200)
                .body("status", equalTo("LICENSED"))
                .body("features[0].kind", equalTo("PERPETUAL"))
                .body("features[0].expiresAt", nullValue())
                .body("features[0].daysLeft", nullValue())
                .body("features[0].seats", equalTo(2));
    }

    @Test
    void aHostGetsOneTrialOfAFeatureWhateverTheRegistration() {
        String host = Pbx.newHostId();
        String first = Pbx.register(34);
        Pbx.activate(first, 31, host, "pbx").then().statusCode(200).body("status", equalTo("TRIAL"));

        String second = Pbx.register(34);
        Pbx.activate(second, 31, host, "pbx").then()
                .statusCode(409)
                .body("code", equalTo("TRIAL_ALREADY_USED"));
        assertEquals(0, Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.feature_number = 31""", second), "the refused trial left nothing behind");
    }

    @Test
    void trialEndsAtItsEndAndCannotBeStartedAgain() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);

        Pbx.checkShifted("P29DT23H", number, host).then().body("status", equalTo("TRIAL"))
                .body("features[0].daysLeft", equalTo(1));
        Pbx.checkShifted("P30DT1M", number, host).then()
                .statusCode(200)
                .body("status", equalTo("TRIAL_EXPIRED"))
                .body("features", empty());
        api().header("X-Clock-Shift", "P31D")
                .body(Map.of("registrationNumber", number, "feature", 33, "host", Map.of("id", Pbx.newHostId())))
                .post("/activations").then()
                .statusCode(409)
                .body("code", equalTo("TRIAL_ALREADY_USED"));
    }

    @Test
    void paidLicenseExpiresAsExpired() {
        String number = Pbx.register(34);
        Database.execute("""
                INSERT INTO license (registration_id, feature_number, kind, seats, starts_at, ends_at, source, created_at)
                SELECT id, 33, 'TERM', 1, UTC_TIMESTAMP() - INTERVAL 1 MINUTE, UTC_TIMESTAMP() + INTERVAL 10 DAY, 'STAFF',
                    UTC_TIMESTAMP()
                FROM registration WHERE number = ?""", number);
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200).body("status", equalTo("LICENSED"));
        Pbx.checkShifted("P11D", number, host).then().body("status", equalTo("EXPIRED")).body("features", empty());
    }

    @Test
    void unknownAndMistypedNumbersAreNotFound() {
        String number = Pbx.register();
        char last = number.charAt(number.length() - 1);
        String typo = number.substring(0, number.length() - 1) + (last == '0' ? '1' : '0');
        for (String unknown : new String[] {typo, "MIKO-00000-00000-00000-00000", "hello"}) {
            Pbx.check(unknown, "h1").then().statusCode(404).body("code", equalTo("REGISTRATION_NOT_FOUND"));
            Pbx.activate(unknown, "h1").then().statusCode(404).body("code", equalTo("REGISTRATION_NOT_FOUND"));
            api().get("/registrations/{number}/bindings", unknown).then()
                    .statusCode(404).body("code", equalTo("REGISTRATION_NOT_FOUND"));
            Pbx.reset(unknown, "h1").then().statusCode(404).body("code", equalTo("REGISTRATION_NOT_FOUND"));
        }
    }

    @Test
    void numbersAreAcceptedInAnyTypedForm() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        String sloppy = " " + number.toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l') + " ";
        Pbx.activate(sloppy, host).then().statusCode(200).body("registrationNumber", equalTo(number));
        Pbx.check(sloppy, host).then().statusCode(200)
                .body("registrationNumber", equalTo(number)).body("features[0].seatsUsed", equalTo(1));
    }

    @Test
    void resettingAHostWithoutBindingIsBindingNotFound() {
        String number = Pbx.register();
        Pbx.reset(number, Pbx.newHostId()).then().statusCode(404).body("code", equalTo("BINDING_NOT_FOUND"));
    }

    @Test
    void resetIsAudited() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);
        Pbx.reset(number, host).then().statusCode(204);
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM audit_event a JOIN registration r ON r.id = a.registration_id
                WHERE r.number = ? AND a.action = 'BINDING_RESET' AND a.actor_type = 'API' AND a.subject = ?""",
                number, "host " + host));
    }

    @Test
    void malformedActivationsAreFieldErrors() {
        String number = Pbx.register();
        api().body(Map.of("registrationNumber", number)).post("/activations").then()
                .statusCode(400).body("errors.field", equalTo(java.util.List.of("host")));
        api().body(Map.of("registrationNumber", number, "host", Map.of("name", "x"))).post("/activations").then()
                .statusCode(400).body("errors.field", equalTo(java.util.List.of("host.id")));
        api().body(Map.of("registrationNumber", number, "host", Map.of("id", "has space"))).post("/activations")
                .then().statusCode(400).body("errors[0].code", equalTo("INVALID_FORMAT"));
        api().body(Map.of("registrationNumber", number, "feature", "x", "host", Map.of("id", "h"))).post("/activations")
                .then().statusCode(400).body("errors[0].field", equalTo("feature"));
        api().body(Map.of("registrationNumber", number, "feature", 46, "host", Map.of("id", "h"))).post("/activations")
                .then().statusCode(400).body("errors[0].code", equalTo("COUNTED_PER_SESSION"));
        api().body(Map.of("host", Map.of("id", "h"))).post("/activations").then()
                .statusCode(400).body("errors[0].field", equalTo("registrationNumber"));
        api().body(Map.of("registrationNumber", number)).post("/checks").then()
                .statusCode(400).body("errors[0].field", equalTo("hostId"));
    }

    @Test
    void timesAreIsoUtc() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        String validUntil = Pbx.activate(number, host).then().statusCode(200).extract().path("validUntil");
        Instant.parse(validUntil);
        assertEquals('Z', validUntil.charAt(validUntil.length() - 1));
    }
}
