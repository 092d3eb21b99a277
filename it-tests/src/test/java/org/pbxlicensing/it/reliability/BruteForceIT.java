package org.pbxlicensing.it.reliability;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.apiFrom;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.FacesClient;
import org.pbxlicensing.it.support.Pbx;
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
        var guesser = new FacesClient();

        for (int i = 0; i < MAX_FAILED_STAFF_LOGINS; i++) {
            assertEquals(200, guesser.logInToAdmin(user, "wrong-" + i).statusCode());
        }
        assertEquals(429, guesser.logInToAdmin(user, password).statusCode());
        assertEquals(MAX_FAILED_STAFF_LOGINS, Database.count(
                "SELECT COALESCE(SUM(failures), 0) FROM staff_login_failure WHERE user_name = ?", user));

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
                INSERT INTO staff_login_failure (user_name, client, minute, failures)
                VALUES (?, ?, DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:00'), ?)""",
                user, staffClient, MAX_FAILED_STAFF_LOGINS);
        assertEquals(429, new FacesClient(staffClient).logInToAdmin(user, password).statusCode());
    }

    private static String wrongNumber(int i) {
        return "MIKO-00000-00000-00000-" + String.format("%05d", i);
    }

    private static String wrongCoupon(int i) {
        return "MIKOUPD-00000-00000-00000-" + String.format("%05d", i);
    }
}
