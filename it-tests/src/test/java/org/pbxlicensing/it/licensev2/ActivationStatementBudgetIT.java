package org.pbxlicensing.it.licensev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.SystemTest;

/**
 * What an activation, a check and the first polls of LicenseV2 installations cost the database, with
 * the throttles on as in production, counted as {@link PollStatementBudgetIT} counts a poll: the
 * statements the server sends for one request, the fewest of a few tries. Each figure is also written
 * to {@code target/statement-budgets.txt}.
 */
@SystemTest
class ActivationStatementBudgetIT {

    private static final int TRIES = 5;

    /**
     * What sending one webhook delivery costs: its claim, the reads of the delivery and its endpoint,
     * the delivery's read again when the answer is recorded, the attempt's row and the delivery's update.
     */
    private static final int STATEMENTS_PER_DELIVERY = 6;

    @Test
    void theActivationOfANewHostOntoAFreePaidSeatSendsAtMostSixStatements() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, 33, TRIES);

        long fewest = fewest("activation of a new host onto a paid seat", () -> {
            String host = Pbx.newHostId();
            return () -> Pbx.activate(number, host).then().statusCode(200);
        });

        assertTrue(fewest <= 6, "an activation sent " + fewest + " statements");
        assertEquals(TRIES, activeBindings(number), "every host holds a seat");
        assertEquals(TRIES, Database.count("""
                SELECT s.taken FROM license_seats s JOIN license l ON l.id = s.license_id
                JOIN registration r ON r.id = l.registration_id WHERE r.number = ? AND l.kind = 'PERPETUAL'""", number),
                "the seats of the paid license are taken, and counted");
        assertEquals(TRIES, auditedBindings(number));
    }

    @Test
    void anIdempotencyKeyAddsTwoStatementsToAnActivation() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, 33, TRIES);
        String[] last = new String[2];

        long fewest = fewest("activation of a new host onto a paid seat, with an Idempotency-Key", () -> {
            String host = Pbx.newHostId();
            String key = UUID.randomUUID().toString();
            last[0] = host;
            last[1] = key;
            return () -> activateWithKey(number, host, key).then().statusCode(200);
        });

        assertTrue(fewest <= 8, "an activation with an idempotency key sent " + fewest + " statements");
        activateWithKey(number, last[0], last[1]).then().statusCode(200);
        assertEquals(TRIES, activeBindings(number), "a replay binds nothing more");
        assertEquals(TRIES, auditedBindings(number));
    }

    @Test
    void theReactivationOfABoundHostSendsAtMostThreeStatements() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);

        long fewest = fewest("re-activation of a bound host", () -> () -> Pbx.activate(number, host).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("TRIAL")));

        assertTrue(fewest <= 3, "a re-activation sent " + fewest + " statements");
        assertEquals(1, activeBindings(number), "the host keeps its one binding");
    }

    @Test
    void aCheckSendsAtMostTwoStatements() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);

        long fewest = fewest("check of a bound host", () -> () -> Pbx.check(number, host).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("TRIAL")));

        assertTrue(fewest <= 2, "a check sent " + fewest + " statements");
    }

    /**
     * The registration's key, the poll's read, the installation's row, the read before binding, then the
     * activation: its lock and read, the feature, the trial's license, its claim, audit event and event
     * (two), the host's trial claim, the binding, its audit event and event (two); then the seats of the
     * per-session feature that other installations and native sessions use (two).
     */
    @Test
    void aCheckAfterAChangeReadsTheHostsStateInASecondStatement() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, 33, TRIES + 1);
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);

        long fewest = fewest("check of a bound host after another host was bound", () -> {
            // Another host's seat changes what the registration's hosts are told (seats taken).
            Pbx.activate(number, Pbx.newHostId()).then().statusCode(200);
            return () -> Pbx.check(number, host).then().statusCode(200).body("status",
                    org.hamcrest.Matchers.equalTo("LICENSED"));
        });

        assertTrue(fewest <= 2, "a check after a change sent " + fewest + " statements");
    }

    @Test
    void aFirstPollThatStartsATrialSendsAtMostNineteenStatements() {
        long fewest = fewest("first LicenseV2 poll that starts a trial", () -> {
            // Registered for a feature counted per session: the poll binds only its product feature, to a new trial.
            var pbx = new MikoPbx(Pbx.register(46));
            var request = pbx.poll();
            return () -> assertTrue(EntitlementEndpoint.token(pbx, request).features().containsKey("33"));
        });

        assertTrue(fewest <= 19, "a first poll starting a trial sent " + fewest + " statements");
    }

    /**
     * The registration's key, the poll's read, the installation's row, the read before binding, then the
     * activation: its lock and read, the host's trial claim, the binding, its audit event and event (two).
     */
    @Test
    void aFirstPollOntoTheRegistrationsTrialSendsAtMostElevenStatements() {
        long fewest = fewest("first LicenseV2 poll onto the registration's trial", () -> {
            var pbx = new MikoPbx(Pbx.register());
            var request = pbx.poll();
            return () -> assertTrue(EntitlementEndpoint.token(pbx, request).features().containsKey("33"));
        });

        assertTrue(fewest <= 11, "a first poll onto a trial sent " + fewest + " statements");
    }

    @Test
    void aPollRefusedAfterAResetSendsAtMostSixStatementsAndTheNextAtMostFifteen() {
        long refusal = Long.MAX_VALUE;
        long rebinding = Long.MAX_VALUE;
        for (int i = 0; i < TRIES; i++) {
            String number = Pbx.register();
            var pbx = new MikoPbx(number);
            EntitlementEndpoint.token(pbx, pbx.poll());
            Pbx.reset(number, pbx.hostId()).then().statusCode(204);
            var refused = pbx.poll();
            refusal = Math.min(refusal, statementsOf(
                    () -> assertEquals("BINDING_RESET", EntitlementEndpoint.refusal(pbx, refused).code())));
            var again = pbx.poll();
            rebinding = Math.min(rebinding, statementsOf(
                    () -> assertTrue(EntitlementEndpoint.token(pbx, again).features().containsKey("33"))));
        }
        note("LicenseV2 poll refused after a reset", refusal);
        note("LicenseV2 poll that binds again after the refusal", rebinding);

        assertTrue(refusal <= 6, "the refused poll sent " + refusal + " statements");
        assertTrue(rebinding <= 15, "the poll binding again sent " + rebinding + " statements");
    }

    private static io.restassured.response.Response activateWithKey(String number, String host, String key) {
        return api().header("Idempotency-Key", key)
                .body(Map.of("registrationNumber", number, "feature", 33,
                        "host", Map.of("id", host, "name", "pbx-" + host)))
                .post("/activations");
    }

    private static long activeBindings(String number) {
        return Database.count("""
                SELECT COUNT(*) FROM host_binding b JOIN registration r ON r.id = b.registration_id
                WHERE r.number = ? AND b.released_at IS NULL""", number);
    }

    private static long auditedBindings(String number) {
        return Database.count("""
                SELECT COUNT(*) FROM audit_event a JOIN registration r ON r.id = a.registration_id
                WHERE r.number = ? AND a.action = 'HOST_BOUND'""", number);
    }

    /**
     * The fewest statements of {@link #TRIES} requests; the request is prepared before counting, and
     * counted until its answer has come back.
     */
    private static long fewest(String what, Supplier<Runnable> prepared) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < TRIES; i++) {
            Runnable request = prepared.get();
            fewest = Math.min(fewest, statementsOf(request));
        }
        note(what, fewest);
        return fewest;
    }

    /**
     * The statements a request sent, without those of sending its webhook events: the server sends an
     * event the moment the request's transaction commits, in the background, often before the answer
     * is back. So the count runs until the request's deliveries had their first attempt and the server
     * is quiet, and takes off what each attempt cost ({@link #STATEMENTS_PER_DELIVERY}) and the
     * statements this test sent meanwhile to find that out.
     */
    private static long statementsOf(Runnable request) {
        settled("earlier webhook deliveries and mails", """
                SELECT (SELECT COUNT(*) FROM webhook_delivery WHERE status = 'PENDING' AND attempts = 0
                        AND (next_attempt_at IS NULL OR next_attempt_at <= UTC_TIMESTAMP(6)))
                     + (SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING' AND attempts = 0
                        AND (next_attempt_at IS NULL OR next_attempt_at <= UTC_TIMESTAMP(6)))""");
        long lastDelivery = Database.count("SELECT COALESCE(MAX(id), 0) FROM webhook_delivery");
        long before = quiet();
        request.run();
        long probes = settled("the request's webhook deliveries",
                "SELECT COUNT(*) FROM webhook_delivery WHERE id > " + lastDelivery + " AND attempts = 0");
        long after = quiet();
        long attempted = Database.count("SELECT COUNT(*) FROM webhook_attempt WHERE delivery_id > ?", lastDelivery);
        return after - before - probes * probeCost() - attempted * STATEMENTS_PER_DELIVERY;
    }

    private static long probeCost = -1;

    /** What one of this test's own reads costs in the counters, its connection's opening included. */
    private static long probeCost() {
        if (probeCost < 0) {
            probeCost = Long.MAX_VALUE;
            for (int i = 0; i < TRIES; i++) {
                long before = quiet();
                Database.count("SELECT 0");
                probeCost = Math.min(probeCost, Database.statements() - before);
            }
        }
        return probeCost;
    }

    /** Waits until {@code sql} counts nothing; answers how many statements it sent meanwhile. */
    private static long settled(String what, String sql) {
        long[] probes = {0};
        Poll.until(what, Duration.ofSeconds(20), () -> {
            probes[0]++;
            return Database.count(sql) == 0 ? true : null;
        });
        return probes[0];
    }

    /** The statement count once it stayed the same for a while: no request and no event sending under way. */
    private static long quiet() {
        long[] last = {-1};
        return Poll.until("a quiet server", Duration.ofSeconds(20), () -> {
            long now = Database.statements();
            if (now == last[0]) {
                return now;
            }
            last[0] = now;
            return null;
        });
    }

    private static void note(String what, long statements) {
        try {
            Files.writeString(Path.of("target", "statement-budgets.txt"), what + ": " + statements + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
