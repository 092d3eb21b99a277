package org.pbxlicensing.it.licensev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.WebhooksPaused;

/**
 * What a LicenseV2 poll costs the database, with the throttles on as in production: the statements
 * the server sends for one request (reads and writes; not transaction control, not what triggers
 * run), counted by the database's own status counters.
 * The server's background work may add to a count, never take from it: the fewest of a few tries is
 * the poll's own cost. The webhook endpoints are paused meanwhile ({@link WebhooksPaused}).
 */
@SystemTest
@ExtendWith(WebhooksPaused.class)
class PollStatementBudgetIT {

    private static final int TRIES = 5;

    @Test
    void aSteadyPollSendsAtMostTwoStatements() {
        String number = Pbx.register();
        var pbx = new MikoPbx(number);
        EntitlementEndpoint.token(pbx, pbx.poll());

        long fewest = fewest(() -> {
            var request = pbx.poll();
            return () -> EntitlementEndpoint.token(pbx, request);
        });

        assertTrue(fewest <= 2, "a steady poll sent " + fewest + " statements");
    }

    @Test
    void aPollWithChangedUsageSendsAtMostThreeStatements() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, 46, 8);
        var pbx = new MikoPbx(number);
        EntitlementEndpoint.token(pbx, pbx.poll(request -> request.add("usage", using(1))));
        int[] seats = {1};

        long fewest = fewest(() -> {
            int used = ++seats[0];
            var request = pbx.poll(r -> r.add("usage", using(used)));
            return () -> EntitlementEndpoint.token(pbx, request);
        });

        assertTrue(fewest <= 3, "a poll with changed usage sent " + fewest + " statements");
        assertEquals(1 + TRIES, Database.count(
                "SELECT used FROM licensev2_usage WHERE install_id = ? AND feature_number = 46", pbx.installId()));
        assertEquals(Map.of("46", 8), EntitlementEndpoint.token(pbx, pbx.poll()).seats());
    }

    /**
     * The one read of the registration, the client's guesses and the installation, the claim lock, the
     * installation's row, the binding, its audit event and its {@code binding.created} delivery (one
     * statement for every endpoint).
     */
    @Test
    void theActivationOfANewHostSendsAtMostSixStatements() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, 33, TRIES);
        List<MikoPbx> hosts = new ArrayList<>();
        long fewest = fewest(() -> {
            var pbx = new MikoPbx(number);
            hosts.add(pbx);
            var request = pbx.poll();
            return () -> assertTrue(EntitlementEndpoint.token(pbx, request).features().containsKey("33"));
        });

        assertTrue(fewest <= 6, "an activation sent " + fewest + " statements");
        assertEquals(TRIES, Database.count("""
                SELECT COUNT(*) FROM host_binding b JOIN registration r ON r.id = b.registration_id
                WHERE r.number = ? AND b.released_at IS NULL""", number));
        assertEquals(TRIES, Database.count("""
                SELECT COUNT(*) FROM audit_event a JOIN registration r ON r.id = a.registration_id
                WHERE r.number = ? AND a.action = 'HOST_BOUND'""", number));
        assertEquals(TRIES, Database.count("""
                SELECT s.taken FROM license_seats s JOIN license l ON l.id = s.license_id
                JOIN registration r ON r.id = l.registration_id WHERE r.number = ? AND l.kind = 'PERPETUAL'""", number),
                "the seats of the paid license are taken, and counted");
        assertTrue(EntitlementEndpoint.token(hosts.get(0), hosts.get(0).poll()).features().containsKey("33"));
    }

    /**
     * The fewest statements of {@link #TRIES} requests; the request is prepared (keys, signature) before
     * counting, and counted until its answer has come back.
     */
    private static long fewest(Supplier<Runnable> prepared) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < TRIES; i++) {
            Runnable request = prepared.get();
            long before = Database.statements();
            request.run();
            fewest = Math.min(fewest, Database.statements() - before);
        }
        return fewest;
    }

    private static JsonObjectBuilder using(int seats) {
        return Json.createObjectBuilder().add("46", Json.createObjectBuilder()
                .add("used", seats).add("peak", seats).add("denied", 0));
    }
}
