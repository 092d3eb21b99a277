package org.pbxlicensing.it.coupon;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;
import static org.pbxlicensing.it.support.ServerUnderTest.apiFrom;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

@SystemTest
class CouponIT {

    static final String COUPON = "^MIKOUPD-[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$";

    @Test
    void aStoreCouponBecomesAPerpetualLicenseAndTheTrialHostMovesToIt() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200).body("status", equalTo("TRIAL"));
        String coupon = Store.coupon(33, 3);

        Store.activate(coupon, number).then()
                .statusCode(200)
                .body("coupon", equalTo(coupon))
                .body("license.feature", equalTo(33))
                .body("license.kind", equalTo("PERPETUAL"))
                .body("license.seats", equalTo(3))
                .body("license.expiresAt", nullValue());

        Pbx.check(number, host).then()
                .statusCode(200)
                .body("status", equalTo("LICENSED"))
                .body("features", hasSize(1))
                .body("features[0].kind", equalTo("PERPETUAL"))
                .body("features[0].seats", equalTo(3))
                .body("features[0].seatsUsed", equalTo(1));
        Pbx.activate(number, Pbx.newHostId()).then().statusCode(200).body("features[0].seatsUsed", equalTo(2));
    }

    @Test
    void aCouponIsActivatedOnceAndTheRepeatSaysWhen() {
        String coupon = Store.coupon(31, 1);
        String first = Pbx.register();
        Store.activate(coupon, first).then().statusCode(200);

        for (String registration : List.of(first, Pbx.register())) {
            Store.activate(coupon, registration).then()
                    .statusCode(409)
                    .contentType(startsWith("application/problem+json"))
                    .body("code", equalTo("COUPON_ALREADY_ACTIVATED"))
                    .body("activatedAt", notNullValue())
                    .body("registrationNumber", nullValue());
        }
    }

    @Test
    void theSameIdempotencyKeyReplaysTheSuccess() {
        String coupon = Store.coupon(32, 1);
        String number = Pbx.register();
        String key = "act-" + TestData.unique();
        var body = Map.of("registrationNumber", number, "coupon", coupon);

        String license = api().header("Idempotency-Key", key).body(body).post("/coupon-activations")
                .then().statusCode(200).extract().asString();
        api().header("Idempotency-Key", key).body(body).post("/coupon-activations").then()
                .statusCode(200)
                .body(equalTo(license));
    }

    @Test
    void aRevokedCouponIsRefused() {
        String coupon = Store.coupon(33, 1);
        Database.execute("UPDATE coupon SET state = 'REVOKED', revoked_at = UTC_TIMESTAMP() WHERE code = ?", coupon);
        Store.activate(coupon, Pbx.register()).then().statusCode(409).body("code", equalTo("COUPON_REVOKED"));
    }

    @Test
    void termCouponsLastTheirMonthsFromActivation() {
        String coupon = Store.order("order-" + TestData.unique(),
                        List.of(Map.of("feature", 34, "seats", 2, "termMonths", 12)))
                .then().statusCode(201).body("coupons[0].termMonths", equalTo(12))
                .extract().<String>path("coupons[0].code");
        Instant expiresAt = Instant.parse(Store.activate(coupon, Pbx.register()).then()
                .statusCode(200)
                .body("license.kind", equalTo("TERM"))
                .extract().<String>path("license.expiresAt"));
        Instant inAYear = Instant.now().atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
        assertTrue(Duration.between(inAYear, expiresAt).abs().compareTo(Duration.ofMinutes(5)) < 0);
    }

    @Test
    void unknownCouponsAreNotFoundAndGuessingIsThrottled() {
        String guesser = ServerUnderTest.randomClientAddress();
        String number = Pbx.register();
        String real = Store.coupon(33, 1);
        for (int i = 0; i < 20; i++) {
            apiFrom(guesser).body(Map.of("registrationNumber", number,
                            "coupon", "MIKOUPD-00000-00000-00000-" + String.format("%05d", i)))
                    .post("/coupon-activations").then()
                    .statusCode(404)
                    .body("code", equalTo("COUPON_NOT_FOUND"));
        }
        apiFrom(guesser).body(Map.of("registrationNumber", number, "coupon", real)).post("/coupon-activations")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("code", equalTo("TOO_MANY_ATTEMPTS"));
    }

    @Test
    void theStoreGetsOneCouponPerItemInTheCouponFormat() {
        String orderId = "order-" + TestData.unique();
        Store.order(orderId, List.of(Map.of("feature", 33, "seats", 5), Map.of("feature", 31, "seats", 1)))
                .then()
                .statusCode(201)
                .body("orderId", equalTo(orderId))
                .body("coupons", hasSize(2))
                .body("coupons[0].code", matchesPattern(COUPON))
                .body("coupons[0].feature", equalTo(33))
                .body("coupons[0].seats", equalTo(5))
                .body("coupons[0].termMonths", nullValue())
                .body("coupons[1].feature", equalTo(31));
    }

    @Test
    void anOrderIsMintedOnceWhateverTheRetries() {
        String orderId = "order-" + TestData.unique();
        var items = List.<Map<String, Object>>of(Map.of("feature", 33, "seats", 1));
        var answers = org.pbxlicensing.it.support.Race.run(10, i -> Store.order(orderId, items));

        var codes = answers.stream().map(a -> a.then().statusCode(201).extract().<String>path("coupons[0].code"))
                .distinct().toList();
        assertEquals(1, codes.size());
        Store.order(orderId, items).then().statusCode(201).body("coupons[0].code", equalTo(codes.get(0)));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM coupon_batch WHERE reference = ?", orderId));
        assertEquals(1, Database.count(
                "SELECT COUNT(*) FROM coupon c JOIN coupon_batch b ON b.id = c.batch_id WHERE b.reference = ?", orderId));
    }

    @Test
    void aWrongStoreKeyIsUnauthorizedAndLeavesOnlyAnAuditLineAMinute() {
        String orderId = "order-" + TestData.unique();
        String client = ServerUnderTest.randomClientAddress();
        long auditBefore = Database.count(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'STORE_AUTHENTICATION_FAILED' AND client_address = ?",
                client);
        for (String authorization : List.of("Bearer wrong", "Basic c3RvcmU6a2V5", "")) {
            apiFrom(client).header("Authorization", authorization)
                    .body(Map.of("orderId", orderId, "items", List.of(Map.of("feature", 33, "seats", 1))))
                    .post("/store/orders").then()
                    .statusCode(401)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .contentType(startsWith("application/problem+json"))
                    .body("code", equalTo("UNAUTHORIZED"));
        }
        assertEquals(0, Database.count("SELECT COUNT(*) FROM coupon_batch WHERE reference = ?", orderId));
        long audited = Database.count(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'STORE_AUTHENTICATION_FAILED' AND client_address = ?",
                client) - auditBefore;
        // Three refusals within a minute or two (the turn of a minute may fall between them).
        assertTrue(audited >= 1 && audited <= 2, "audited " + audited + " times");
    }

    @Test
    void malformedOrdersAreFieldErrors() {
        api().header("Authorization", "Bearer " + Store.API_KEY)
                .body(Map.of("orderId", "o-" + TestData.unique(), "items", List.of(
                        Map.of("feature", 999, "seats", 1),
                        Map.of("feature", 33, "seats", 0),
                        Map.of("feature", 33, "seats", 1, "termMonths", -1))))
                .post("/store/orders").then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "items[0].feature", "items[1].seats", "items[2].termMonths"));
        api().header("Authorization", "Bearer " + Store.API_KEY).body(Map.of("items", List.of())).post("/store/orders")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("orderId", "items"));
    }
}
