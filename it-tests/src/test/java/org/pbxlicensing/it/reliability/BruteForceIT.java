package org.pbxlicensing.it.reliability;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.apiFrom;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.FacesClient;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Race;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * Guessing registration numbers, coupons, portal logins and staff passwords from one client address
 * is refused with 429 past a configured number of misses, even when the guess is finally right; the
 * counts live in the database, so they hold on every node and across a restart.
 */
@SystemTest
class BruteForceIT {

    /** {@code LICENSING_THROTTLE_MAX_FAILURES}, left at its default in the test server. */
    private static final int MAX_FAILED_LOOKUPS = 20;
    /** {@code LICENSING_ADMIN_MAX_FAILED_LOGINS} and {@code …_PER_CLIENT}, left at their defaults. */
    private static final int MAX_FAILED_STAFF_LOGINS = 5;
    private static final int MAX_FAILED_STAFF_LOGINS_PER_CLIENT = 20;

    @Test
    void aClientGuessingNumbersIsRefusedEvenWhenItFinallyGuessesRight() {
        String guesser = ServerUnderTest.randomClientAddress();
        String number = Pbx.register();

        for (int i = 0; i < MAX_FAILED_LOOKUPS; i++) {
            apiFrom(guesser).body(Map.of("registrationNumber", wrongNumber(i), "hostId", "h")).post("/checks").then()
                    .statusCode(404);
        }
        apiFrom(guesser).body(Map.of("registrationNumber", number, "hostId", "h")).post("/checks").then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("code", equalTo("TOO_MANY_ATTEMPTS"));
        apiFrom(guesser).get("/registrations/{number}/bindings", number).then().statusCode(429);

        apiFrom(ServerUnderTest.randomClientAddress())
                .body(Map.of("registrationNumber", number, "hostId", "h")).post("/checks").then()
                .statusCode(200);
    }

    @Test
    void aClientGuessingCouponsIsRefusedEvenWhenItFinallyGuessesRight() {
        String guesser = ServerUnderTest.randomClientAddress();
        String number = Pbx.register();
        String coupon = Store.coupon(33, 1);

        for (int i = 0; i < MAX_FAILED_LOOKUPS; i++) {
            apiFrom(guesser).body(Map.of("registrationNumber", number, "coupon", wrongCoupon(i)))
                    .post("/coupon-activations").then()
                    .statusCode(404)
                    .body("code", equalTo("COUPON_NOT_FOUND"));
        }
        apiFrom(guesser).body(Map.of("registrationNumber", number, "coupon", coupon))
                .post("/coupon-activations").then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("code", equalTo("TOO_MANY_ATTEMPTS"));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM coupon WHERE code = ? AND state <> 'ISSUED'", coupon));
    }

    @Test
    void guessingPortalLoginsCountsWithTheApiAndIsRefusedWith429() {
        String guesser = ServerUnderTest.randomClientAddress();
        String number = Pbx.register();
        var portal = new FacesClient(guesser);

        for (int i = 0; i < MAX_FAILED_LOOKUPS / 2; i++) {
            apiFrom(guesser).body(Map.of("registrationNumber", wrongNumber(i), "hostId", "h")).post("/checks").then()
                    .statusCode(404);
        }
        for (int i = 0; i < MAX_FAILED_LOOKUPS / 2; i++) {
            var refused = portal.logInToPortal(i % 2 == 0 ? wrongNumber(100 + i) : wrongCoupon(100 + i));
            assertEquals(200, refused.statusCode(), "a wrong guess shows the form again");
        }
        HttpResponse<String> throttled = portal.logInToPortal(number);

        assertEquals(429, throttled.statusCode());
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
        assertEquals(302, portal.get("/portal/overview.xhtml").statusCode(), "not logged in");
        apiFrom(guesser).body(Map.of("registrationNumber", number, "hostId", "h")).post("/checks").then()
                .statusCode(429);

        var someoneElse = new FacesClient();
        HttpResponse<String> loggedIn = someoneElse.logInToPortal(number);
        assertEquals(302, loggedIn.statusCode());
        assertEquals(200, someoneElse.get("/portal/overview.xhtml").statusCode());
    }

    @Test
    void guessingAStaffPasswordIsRefusedWith429EvenWithTheRightOne() {
        String password = "support-password-" + TestData.unique();
        String user = StaffLogin.createUser("SUPPORT", password);
        String address = ServerUnderTest.randomClientAddress();
        var guesser = new FacesClient(address);

        for (int i = 0; i < MAX_FAILED_STAFF_LOGINS; i++) {
            assertEquals(200, guesser.logInToAdmin(user, "wrong-" + i).statusCode());
        }
        assertEquals(429, guesser.logInToAdmin(user, password).statusCode());
        assertEquals(MAX_FAILED_STAFF_LOGINS, staffFailuresCounted(user, address));

        var colleague = new FacesClient();
        assertEquals(302, colleague.logInToAdmin(user, password).statusCode());
    }

    @Test
    void tryingManyStaffNamesFromOneAddressIsRefusedAsAWhole() {
        String password = "viewer-password-" + TestData.unique();
        String user = StaffLogin.createUser("VIEWER", password);
        var guesser = new FacesClient();

        for (int i = 0; i < MAX_FAILED_STAFF_LOGINS_PER_CLIENT; i++) {
            guesser.logInToAdmin("nobody-" + i + "-" + TestData.unique(), "password");
        }

        assertEquals(429, guesser.logInToAdmin(user, password).statusCode());
    }

    @Test
    void countsWrittenByAnotherNodeOrBeforeARestartAreHonoured() {
        String number = Pbx.register();
        String client = ServerUnderTest.randomClientAddress();
        Database.execute("""
                INSERT INTO attempt_counter (bucket, subject, minute, attempts)
                VALUES ('failed-lookup', ?, DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:00'), ?)""",
                client, MAX_FAILED_LOOKUPS);
        apiFrom(client).body(Map.of("registrationNumber", number, "hostId", "h")).post("/checks").then()
                .statusCode(429);
        assertEquals(429, new FacesClient(client).logInToPortal(number).statusCode());

        String password = "admin-password-" + TestData.unique();
        String user = StaffLogin.createUser("ADMIN", password);
        String staffClient = ServerUnderTest.randomClientAddress();
        Database.execute("""
                INSERT INTO attempt_counter (bucket, subject, minute, attempts)
                VALUES ('staff-login-user', SHA2(CONCAT(?, CHAR(10), ?), 256),
                        DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:00'), ?)""",
                user, staffClient, MAX_FAILED_STAFF_LOGINS);
        assertEquals(429, new FacesClient(staffClient).logInToAdmin(user, password).statusCode());
    }

    @Test
    void sixtyWrongNumbersAtOnceGetNoMoreLookUpsThanTheLimit() {
        String guesser = ServerUnderTest.randomClientAddress();

        List<Integer> statuses = Race.run(60, i -> apiFrom(guesser)
                .body(Map.of("registrationNumber", wrongNumber(1000 + i), "hostId", "h")).post("/checks")
                .statusCode());

        assertEquals(MAX_FAILED_LOOKUPS, Collections.frequency(statuses, 404), statuses::toString);
        assertEquals(60 - MAX_FAILED_LOOKUPS, Collections.frequency(statuses, 429), statuses::toString);
        assertEquals(MAX_FAILED_LOOKUPS, Database.count("""
                SELECT SUM(attempts) FROM attempt_counter WHERE bucket = 'failed-lookup' AND subject = ?""", guesser));
    }

    @Test
    void aBurstWithOneMissLeftAnswersOneMissAndRefusesTheRest() {
        String guesser = ServerUnderTest.randomClientAddress();
        String number = Pbx.register();
        for (int i = 0; i < MAX_FAILED_LOOKUPS - 1; i++) {
            apiFrom(guesser).body(Map.of("registrationNumber", wrongNumber(2000 + i), "hostId", "h")).post("/checks")
                    .then().statusCode(404);
        }

        // A right number is answered only while the client is below the limit: before the last miss counts.
        List<Integer> statuses = Race.run(30, i -> apiFrom(guesser)
                .body(Map.of("registrationNumber", i == 29 ? number : wrongNumber(3000 + i), "hostId", "h"))
                .post("/checks").statusCode());

        assertEquals(1, Collections.frequency(statuses, 404), statuses::toString);
        assertEquals(29 - Collections.frequency(statuses, 200), Collections.frequency(statuses, 429),
                statuses::toString);
        apiFrom(guesser).body(Map.of("registrationNumber", number, "hostId", "h")).post("/checks").then()
                .statusCode(429);
    }

    @Test
    void twentyWrongStaffPasswordsAtOnceAreCheckedNoMoreThanTheLimit() {
        String user = StaffLogin.createUser("SUPPORT", "support-password-" + TestData.unique());
        String guesser = ServerUnderTest.randomClientAddress();

        List<Integer> statuses = StaffLogin.wrongPasswordsAtOnce(user, guesser, 20);

        assertEquals(MAX_FAILED_STAFF_LOGINS, Collections.frequency(statuses, 200), statuses::toString);
        assertEquals(20 - MAX_FAILED_STAFF_LOGINS, Collections.frequency(statuses, 429), statuses::toString);
        assertEquals(MAX_FAILED_STAFF_LOGINS, staffFailuresCounted(user, guesser));
    }

    @Test
    void registeringSomeoneElsesEmailCountsAsAFailedLookUp() {
        var owner = TestData.registrationForm();
        apiFrom(ServerUnderTest.randomClientAddress()).body(owner).post("/registrations").then().statusCode(201);
        String prober = ServerUnderTest.randomClientAddress();

        List<Integer> statuses = Race.run(30, i -> {
            var probe = TestData.registrationForm();
            probe.put("email", owner.get("email"));
            return apiFrom(prober).body(probe).post("/registrations").statusCode();
        });

        assertEquals(MAX_FAILED_LOOKUPS, Collections.frequency(statuses, 409), statuses::toString);
        assertEquals(30 - MAX_FAILED_LOOKUPS, Collections.frequency(statuses, 429), statuses::toString);
        apiFrom(prober).body(TestData.registrationForm()).post("/registrations").then()
                .statusCode(429)
                .body("code", equalTo("TOO_MANY_ATTEMPTS"));
    }

    @Test
    void wrongStoreKeysAreThrottledAndAuditedOncePerMinute() {
        String prober = ServerUnderTest.randomClientAddress();
        long auditedBefore = storeRefusalsAudited(prober);

        List<Integer> statuses = Race.run(30, i -> apiFrom(prober).header("Authorization", "Bearer wrong-key-" + i)
                .body(Map.of("orderId", "probe-" + i, "email", "shop@example.com",
                        "items", List.of(Map.of("feature", 33, "seats", 1))))
                .post("/store/orders").statusCode());

        assertEquals(MAX_FAILED_LOOKUPS, Collections.frequency(statuses, 401), statuses::toString);
        assertEquals(30 - MAX_FAILED_LOOKUPS, Collections.frequency(statuses, 429), statuses::toString);
        apiFrom(prober).header("Authorization", "Bearer " + Store.API_KEY)
                .body(Map.of("orderId", "order-" + TestData.unique(), "email", "shop@example.com",
                        "items", List.of(Map.of("feature", 33, "seats", 1))))
                .post("/store/orders").then()
                .statusCode(429);
        // Once a minute: the burst may straddle the turn of a minute.
        long audited = storeRefusalsAudited(prober) - auditedBefore;
        assertTrue(audited >= 1 && audited <= 2, "audited " + audited + " times");
    }

    @Test
    void anUnknownStaffNameTakesAsLongAsAWrongPassword() {
        String user = StaffLogin.createUser("VIEWER", "viewer-password-" + TestData.unique());
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            // A new address each time: no throttle interferes.
            known.add(timedAdminLogin(user));
            unknown.add(timedAdminLogin("nobody-" + TestData.unique()));
        }

        double ratio = (double) median(unknown) / median(known);
        assertTrue(ratio > 0.8 && ratio < 1.2,
                "median unknown " + median(unknown) + " µs, known " + median(known) + " µs");
    }

    private static long timedAdminLogin(String user) {
        var client = new FacesClient();
        client.get("/admin/login.xhtml");
        long start = System.nanoTime();
        assertEquals(200, client.logInToAdmin(user, "wrong-password").statusCode());
        return (System.nanoTime() - start) / 1_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long staffFailuresCounted(String user, String client) {
        return Database.count("""
                SELECT COALESCE(SUM(attempts), 0) FROM attempt_counter
                WHERE bucket = 'staff-login-user' AND subject = SHA2(CONCAT(?, CHAR(10), ?), 256)""", user, client);
    }

    private static long storeRefusalsAudited(String client) {
        return Database.count("""
                SELECT COUNT(*) FROM audit_event WHERE action = 'STORE_AUTHENTICATION_FAILED' AND client_address = ?""",
                client);
    }

    private static String wrongNumber(int i) {
        return "MIKO-00000-00000-00000-" + String.format("%05d", i);
    }

    private static String wrongCoupon(int i) {
        return "MIKOUPD-00000-00000-00000-" + String.format("%05d", i);
    }
}
