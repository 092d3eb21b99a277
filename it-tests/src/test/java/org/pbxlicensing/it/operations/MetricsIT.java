package org.pbxlicensing.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.apiFrom;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.licensev2.EntitlementEndpoint;
import org.pbxlicensing.it.licensev2.MikoPbx;
import org.pbxlicensing.it.support.Metrics;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.SystemTest;

/** The Prometheus scrape moves with what PBXs do: every test reads it before and after. */
@SystemTest
class MetricsIT {

    private static final String REQUESTS = "licensing_http_requests_seconds_count";

    @Test
    void checksActivationsAndRefusalsForWantOfSeatsAreCounted() {
        String number = Pbx.register();
        String hostA = Pbx.newHostId();
        Metrics before = Metrics.scrape();

        Pbx.activate(number, hostA).then().statusCode(200);
        Pbx.activate(number, Pbx.newHostId()).then().statusCode(409);
        for (int i = 0; i < 3; i++) {
            Pbx.check(number, hostA).then().statusCode(200);
        }

        Metrics after = Metrics.scrape();
        assertEquals(1, after.growthSince(before, "licensing_activations_total", "outcome", "ok"));
        assertEquals(1, after.growthSince(before, "licensing_activations_total", "outcome", "SEATS_EXHAUSTED"));
        assertEquals(1, after.growthSince(before, "licensing_seats_exhausted_total", "operation", "activation"));
        assertEquals(3, after.growthSince(before, "licensing_checks_total", "protocol", "api", "outcome", "ok"));
        // the first check reads the host's state, the next two find it unchanged in memory
        assertEquals(1, after.growthSince(before, "licensing_check_states_total", "source", "read"));
        assertEquals(2, after.growthSince(before, "licensing_check_states_total", "source", "kept"));
        // one after the other, each check reads its registration's versions alone
        assertEquals(3, after.growthSince(before, "licensing_check_version_reads_total"));
        assertEquals(3, after.growthSince(before, REQUESTS,
                "endpoint", "/api/v1/checks", "method", "POST", "status", "200"));
        assertEquals(1, after.growthSince(before, REQUESTS,
                "endpoint", "/api/v1/activations", "method", "POST", "status", "409"));
        assertTrue(after.value("licensing_http_requests_seconds_sum", "endpoint", "/api/v1/checks")
                > before.value("licensing_http_requests_seconds_sum", "endpoint", "/api/v1/checks"));
        // the activation's certificate is signed once; the three checks within minutes get it again
        assertEquals(1, after.growthSince(before, "licensing_signing_seconds_count", "format", "certificate"));
    }

    @Test
    void pathsWithRegistrationNumbersAreCountedByTheirTemplate() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);
        Metrics before = Metrics.scrape();

        Pbx.reset(number, host).then().statusCode(204);

        Metrics after = Metrics.scrape();
        assertEquals(1, after.growthSince(before, REQUESTS, "endpoint",
                "/api/v1/registrations/{registrationNumber}/bindings/{hostId}", "method", "DELETE", "status", "204"));
        assertFalse(scrapeText().contains(number), "a registration number is in the metrics");
    }

    @Test
    void couponActivationsAreCountedByOutcome() {
        String number = Pbx.register();
        String coupon = Store.coupon(33, 2);
        Metrics before = Metrics.scrape();

        Store.activate(coupon, number).then().statusCode(200);
        Store.activate(coupon, number).then().statusCode(409);

        Metrics after = Metrics.scrape();
        assertEquals(1, after.growthSince(before, "licensing_coupon_activations_total", "outcome", "ok"));
        assertEquals(1, after.growthSince(before, "licensing_coupon_activations_total",
                "outcome", "COUPON_ALREADY_ACTIVATED"));
    }

    @Test
    void licenseV2PollsAreChecksSignedWithTheServersKey() {
        String number = Pbx.register();
        MikoPbx pbx = new MikoPbx(number);
        Metrics before = Metrics.scrape();

        EntitlementEndpoint.post(pbx.poll().body()).then().statusCode(200);

        Metrics after = Metrics.scrape();
        assertEquals(1, after.growthSince(before, "licensing_checks_total", "protocol", "licensev2", "outcome", "ok"));
        assertEquals(1, after.growthSince(before, REQUESTS, "endpoint", "/entitlement", "method", "POST", "status", "200"));
        assertTrue(after.growthSince(before, "licensing_signing_seconds_count", "format", "licensev2") >= 1);
    }

    @Test
    void throttledRequestsAreCounted() {
        String guesser = ServerUnderTest.randomClientAddress();
        Metrics before = Metrics.scrape();

        for (int i = 0; i < 21; i++) {
            apiFrom(guesser).body(Map.of("registrationNumber", "MIKO-00000-00000-00000-" + String.format("%05d", i),
                    "hostId", "h")).post("/checks");
        }

        Metrics after = Metrics.scrape();
        assertEquals(1, after.growthSince(before, "licensing_throttled_total", "bucket", "failed-lookup"));
        assertEquals(1, after.growthSince(before, REQUESTS, "endpoint", "/api/v1/checks", "status", "429"));
        assertEquals(20, after.growthSince(before, "licensing_checks_total",
                "protocol", "api", "outcome", "REGISTRATION_NOT_FOUND"));
    }

    @Test
    void theMailOutboxAndTheDatabasePoolAreGauged() {
        Pbx.check(Pbx.register(), Pbx.newHostId()).then().statusCode(200);

        Metrics metrics = Metrics.scrape();
        assertTrue(metrics.has("licensing_mail_outbox_pending"), "no outbox gauge");
        assertTrue(metrics.value("licensing_mail_outbox_pending") >= 0);
        // statistics of the pool are on: it has created connections, and no more than it may hold
        assertTrue(metrics.value("datasources_pool_created_count", "name", "LicensingDS") > 0);
        assertTrue(metrics.has("datasources_pool_in_use_count", "name", "LicensingDS"));
    }

    private static String scrapeText() {
        return ServerUnderTest.management().get("/metrics").asString();
    }
}
