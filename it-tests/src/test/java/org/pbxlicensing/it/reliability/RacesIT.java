package org.pbxlicensing.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pbxlicensing.it.support.ServerUnderTest.api;
import static org.pbxlicensing.it.support.SessionClient.PANEL;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.licensev2.EntitlementEndpoint;
import org.pbxlicensing.it.licensev2.MikoPbx;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Race;
import org.pbxlicensing.it.support.SessionClient;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * The promises that must hold when requests arrive at the same moment: seat limits, one-time
 * coupons, one trial per registration and per host, session seats and idempotent registration.
 * Every race is released together on the real server and its outcome is checked in the answers
 * and in the database.
 */
@SystemTest
class RacesIT {

    @Test
    void twoHundredHostsRacingForFiveSeatsLeaveExactlyFiveBindings() {
        String number = Pbx.register(34);
        Database.grantPerpetualLicense(number, 33, 5);

        var answers = Race.run(200, i -> Pbx.activate(number, "race-host-" + i + "-" + number).then().extract());

        assertEquals(Map.of("200", 5L, "SEATS_EXHAUSTED", 195L), outcomes(answers, 200));
        assertEquals(5, Database.count("""
                SELECT COUNT(*) FROM host_binding b JOIN registration r ON r.id = b.registration_id
                WHERE r.number = ? AND b.released_at IS NULL""", number));
        assertEquals(5, Database.count("""
                SELECT s.taken FROM license_seats s JOIN license l ON l.id = s.license_id
                JOIN registration r ON r.id = l.registration_id WHERE r.number = ? AND l.kind = 'PERPETUAL'""", number));
        assertEquals(5, api().get("/registrations/{number}/bindings", number).then().extract().jsonPath()
                .getList("$").size());
    }

    @Test
    void fiftyMikoPbxFirstPollsRacingForFiveSeatsBindFiveToThePaidLicense() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, 33, 5);
        List<MikoPbx> pbxs = IntStream.range(0, 50).mapToObj(i -> new MikoPbx(number)).toList();
        List<MikoPbx.SignedRequest> polls = pbxs.stream().map(MikoPbx::poll).toList();

        var tokens = Race.run(50, i -> EntitlementEndpoint.token(pbxs.get(i), polls.get(i)));

        assertEquals(50, tokens.size());
        assertEquals(5, Database.count("""
                SELECT COUNT(*) FROM host_binding b JOIN license l ON l.id = b.license_id
                JOIN registration r ON r.id = b.registration_id
                WHERE r.number = ? AND l.kind = 'PERPETUAL' AND b.released_at IS NULL""", number));
        assertEquals(5, Database.count("""
                SELECT s.taken FROM license_seats s JOIN license l ON l.id = s.license_id
                JOIN registration r ON r.id = l.registration_id WHERE r.number = ? AND l.kind = 'PERPETUAL'""", number));
        assertEquals(50, Database.count("""
                SELECT COUNT(*) FROM licensev2_installation i JOIN registration r ON r.id = i.registration_id
                WHERE r.number = ?""", number));
    }

    @Test
    void oneFirstPollSentTwentyTimesAtOnceIsAnsweredOnceAndBindsOnce() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, 33, 5);
        var pbx = new MikoPbx(number);
        byte[] body = pbx.poll().body();

        var statuses = Race.run(20, i -> EntitlementEndpoint.post(body).statusCode());

        assertEquals(Map.of(200, 1L, 409, 19L), statuses.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM host_binding b JOIN registration r ON r.id = b.registration_id
                WHERE r.number = ? AND b.host_id = ?""", number, pbx.hostId()));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM licensev2_installation WHERE install_id = ?""", pbx.installId()));
    }

    @Test
    void fiftyActivationsFromOneHostMakeOneBinding() {
        String number = Pbx.register();
        String host = Pbx.newHostId();

        var answers = Race.run(50, i -> Pbx.activate(number, host).then().extract());

        assertEquals(Map.of("200", 50L), outcomes(answers, 200));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM host_binding b JOIN registration r ON r.id = b.registration_id
                WHERE r.number = ? AND b.host_id = ?""", number, host));
    }

    @Test
    void firstActivationsOfOneRegistrationOnManyHostsStartOneTrial() {
        String number = Pbx.register(34);

        var answers = Race.run(20, i -> Pbx.activate(number, 31, "trial-host-" + i + "-" + number, "pbx")
                .then().extract());

        assertEquals(Map.of("200", 1L, "SEATS_EXHAUSTED", 19L), outcomes(answers, 200));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.feature_number = 31""", number));
    }

    @Test
    void oneHostRacedByTwentyRegistrationsGetsOneTrialOfAFeature() {
        String host = Pbx.newHostId();
        List<String> registrations = IntStream.range(0, 20).mapToObj(i -> Pbx.register(34)).toList();

        var answers = Race.run(20, i -> Pbx.activate(registrations.get(i), 31, host, "pbx").then().extract());

        assertEquals(Map.of("200", 1L, "TRIAL_ALREADY_USED", 19L), outcomes(answers, 200));
        assertEquals(1, Database.count(
                "SELECT COUNT(*) FROM host_trial WHERE host_id = ? AND feature_number = 31", host));
        assertEquals(1, Database.count(
                "SELECT COUNT(*) FROM host_binding WHERE host_id = ? AND released_at IS NULL", host));
        String winner = answers.stream().filter(answer -> answer.statusCode() == 200)
                .map(answer -> answer.<String>path("registrationNumber")).findFirst().orElseThrow();
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.feature_number = 31""", winner));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number IN (%s) AND l.feature_number = 31""".formatted(placeholders(registrations.size())),
                registrations.toArray()));
    }

    @Test
    void oneCouponRacedByFiftyRegistrationsIsActivatedExactlyOnce() {
        String coupon = Store.coupon(33, 2);
        List<String> registrations = IntStream.range(0, 50).mapToObj(i -> Pbx.register(34)).toList();

        var answers = Race.run(50, i -> Store.activate(coupon, registrations.get(i)).then().extract());

        assertEquals(Map.of("200", 1L, "COUPON_ALREADY_ACTIVATED", 49L), outcomes(answers, 200));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license WHERE source = 'COUPON'
                AND source_ref = (SELECT CONCAT('coupon ', id) FROM coupon WHERE code = ?)""", coupon));
    }

    @Test
    void hundredCapturesRacingForTenSessionSeatsLeaveExactlyTenLiveSessions() {
        String number = Pbx.register(33);
        Database.grantPerpetualLicense(number, PANEL, 10);

        var answers = Race.run(100, i -> SessionClient.capture(number, PANEL, Map.of("user", "race-user-" + i))
                .then().extract());

        assertEquals(Map.of("201", 10L, "SEATS_EXHAUSTED", 90L), outcomes(answers, 201));
        assertEquals(10, answers.stream().filter(answer -> answer.statusCode() == 201)
                .map(answer -> answer.<String>path("sessionId")).distinct().count());
        assertEquals(10, SessionClient.liveSessions(number));
        assertEquals(10, Database.count("""
                SELECT COUNT(*) FROM license_session s JOIN registration r ON r.id = s.registration_id
                WHERE r.number = ?""", number));
    }

    @Test
    void firstCapturesRacingOnOneRegistrationStartOneSessionTrial() {
        String number = Pbx.register(33);

        var answers = Race.run(20, i -> SessionClient.capture(number).then().extract());

        assertEquals(Map.of("201", 1L, "SEATS_EXHAUSTED", 19L), outcomes(answers, 201));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.feature_number = ?""", number, PANEL));
    }

    @Test
    void fiftySimultaneousRegistrationsGetFiftyDistinctNumbers() {
        var numbers = Race.run(50, i -> api().body(TestData.registrationForm()).post("/registrations")
                .then().statusCode(201).extract().<String>path("registrationNumber"));
        assertEquals(50, new HashSet<>(numbers).size());
    }

    @Test
    void twentySimultaneousRetriesWithOneIdempotencyKeyCreateOneRegistration() {
        var form = TestData.registrationForm();
        String key = "race-" + TestData.unique();

        var answers = Race.run(20, i -> api().header("Idempotency-Key", key).body(form).post("/registrations")
                .then().extract());

        assertEquals(Map.of("201", 20L), outcomes(answers, 201));
        assertEquals(1, answers.stream().map(a -> a.<String>path("registrationNumber")).distinct().count());
        assertEquals(1, Database.count("SELECT COUNT(*) FROM registration WHERE email = ?", form.get("email")));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.email = ?""", form.get("email")));
    }

    /** How many answers had the success status, and how many each problem code. */
    private static Map<String, Long> outcomes(List<ExtractableResponse<Response>> answers, int success) {
        Function<ExtractableResponse<Response>, String> outcome = answer -> answer.statusCode() == success
                ? String.valueOf(success)
                : answer.<String>path("code");
        return answers.stream().collect(Collectors.groupingBy(outcome, Collectors.counting()));
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
