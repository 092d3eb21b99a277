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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.WebhooksPaused;

/**
 * What an activation, a check and the first polls of LicenseV2 installations cost the database, with
 * the throttles on as in production, counted as {@link PollStatementBudgetIT} counts a poll: the
 * statements the server sends for one request, the fewest of a few tries. Each figure is also written
 * to {@code target/statement-budgets.txt}.
 * The webhook endpoints of the test server are paused meanwhile ({@link WebhooksPaused}); an event costs
 * its request one statement however many endpoints take it.
 */
@SystemTest
@ExtendWith(WebhooksPaused.class)
class ActivationStatementBudgetIT {

    private static final Path FIGURES = Path.of("target", "statement-budgets.txt");

    @BeforeAll
    static void startTheFiguresOfThisRun() throws IOException {
        Files.deleteIfExists(FIGURES);
    }

    private static final int TRIES = 5;


    @Test
    void theActivationOfANewHostOntoAFreePaidSeatSendsAtMostFiveStatements() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, 33, TRIES);

        long fewest = fewest("activation of a new host onto a paid seat", () -> {
            String host = Pbx.newHostId();
            return () -> Pbx.activate(number, host).then().statusCode(200);
        });

        assertTrue(fewest <= 5, "an activation sent " + fewest + " statements");
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

        assertTrue(fewest <= 7, "an activation with an idempotency key sent " + fewest + " statements");
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

    /**
     * The poll's read (registration, guesses and installation in one), the installation's row, the read
     * before binding, then the activation: its lock and read, the feature, the trial's license, its claim, its audit event, the
     * deliveries of its event, the host's trial claim, the binding, its audit event, the deliveries of
     * its event; then the seats of the per-session feature that other installations and native sessions
     * use (two).
     */
    @Test
    void aFirstPollThatStartsATrialSendsAtMostSixteenStatements() {
        long fewest = fewest("first LicenseV2 poll that starts a trial", () -> {
            // Registered for a feature counted per session: the poll binds only its product feature, to a new trial.
            var pbx = new MikoPbx(Pbx.register(46));
            var request = pbx.poll();
            return () -> assertTrue(EntitlementEndpoint.token(pbx, request).features().containsKey("33"));
        });

        assertTrue(fewest <= 16, "a first poll starting a trial sent " + fewest + " statements");
    }

    /**
     * The poll's read (registration, guesses and installation in one), the installation's row, the read
     * before binding, then the activation: its lock and read, the host's trial claim, the binding, its audit event and the
     * deliveries of its event.
     */
    @Test
    void aFirstPollOntoTheRegistrationsTrialSendsAtMostNineStatements() {
        long fewest = fewest("first LicenseV2 poll onto the registration's trial", () -> {
            var pbx = new MikoPbx(Pbx.register());
            var request = pbx.poll();
            return () -> assertTrue(EntitlementEndpoint.token(pbx, request).features().containsKey("33"));
        });

        assertTrue(fewest <= 9, "a first poll onto a trial sent " + fewest + " statements");
    }

    @Test
    void aPollRefusedAfterAResetSendsAtMostFourStatementsAndTheNextAtMostThirteen() {
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

        assertTrue(refusal <= 4, "the refused poll sent " + refusal + " statements");
        assertTrue(rebinding <= 13, "the poll binding again sent " + rebinding + " statements");
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
     * The statements a request sent, counted once earlier mails were sent and until the server is quiet
     * again after its answer.
     */
    private static long statementsOf(Runnable request) {
        Poll.until("earlier webhook deliveries and mails sent", Duration.ofSeconds(20), () -> Database.count("""
                SELECT (SELECT COUNT(*) FROM webhook_delivery WHERE status = 'PENDING' AND attempts = 0
                        AND (next_attempt_at IS NULL OR next_attempt_at <= UTC_TIMESTAMP(6)))
                     + (SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING' AND attempts = 0
                        AND (next_attempt_at IS NULL OR next_attempt_at <= UTC_TIMESTAMP(6)))""") == 0 ? true : null);
        long before = quiet();
        request.run();
        return quiet() - before;
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
            Files.writeString(FIGURES, what + ": " + statements + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
