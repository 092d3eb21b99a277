package org.pbxlicensing.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pbxlicensing.it.support.DatabaseProcess;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.ServerProcess;
import org.pbxlicensing.it.support.WebhookReceiver;
import org.pbxlicensing.it.support.WebhookReceiver.Call;

/**
 * Webhooks across a crash and across the address rule: an event committed but not delivered when the
 * server is killed arrives after the restart, under its id; a server that may not call private
 * addresses neither adds such an endpoint at start-up nor calls one it already knows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookCrashIT {

    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28});
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static DatabaseProcess database;
    private static ServerProcess server;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void boot() {
        receiver = WebhookReceiver.start(SECRET);
        database = DatabaseProcess.fresh("webhook-crash");
        server = ServerProcess.boot("webhook-crash", database, settings -> settings
                .setting("LICENSING_WEBHOOK_URLS", receiver.url())
                .setting("LICENSING_WEBHOOK_SECRET", SECRET)
                .setting("LICENSING_WEBHOOK_ALLOW_PRIVATE", "true"));
    }

    @AfterAll
    static void shutDown() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void anEventCommittedButNotDeliveredWhenTheServerIsKilledArrivesAfterTheRestart() {
        String number = Pbx.register();
        receiver.await(number, "license.created", PATIENCE);
        receiver.holdAnswers(number, Duration.ofSeconds(60));

        Pbx.activate(number, Pbx.newHostId()).then().statusCode(200);
        Call held = Poll.until("the first call of binding.created", PATIENCE, () -> receiver.callsAbout(number).stream()
                .filter(call -> call.type().equals("binding.created")).findFirst().orElse(null));
        server.kill();
        receiver.holdAnswers(number, null);
        server.start();

        Call delivered = receiver.await(number, "binding.created", Duration.ofSeconds(120));
        assertEquals(held.webhookId(), delivered.webhookId(), "the same event, under its id");
        assertEquals(held.body(), delivered.body());
        assertTrue(delivered.signatureVerifies());
        assertEquals(1, receiver.callsAbout(number).stream()
                .filter(call -> call.type().equals("binding.created") && call.answered() == 200).count());
    }

    @Test
    @Order(2)
    void withoutPrivateAddressesAllowedAKnownLoopbackEndpointIsNotCalledAndANewOneNotAdded() throws Exception {
        server.stop();
        server.setting("LICENSING_WEBHOOK_ALLOW_PRIVATE", null)
                .setting("LICENSING_WEBHOOK_URLS", receiver.url() + ",http://10.0.0.7/hooks,http://localhost:9/hooks");
        server.start();
        assertEquals(1, database.count("SELECT COUNT(*) FROM webhook_endpoint"), "no private endpoint added at start-up");

        String number = Pbx.register();
        Poll.until("a refused attempt", PATIENCE, () -> database.count("""
                SELECT COUNT(*) FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                WHERE d.registration_number = ? AND a.status_code IS NULL AND a.error LIKE '%loopback%'""", number) > 0
                ? true : null);
        Thread.sleep(3000);
        assertEquals(List.of(), receiver.callsAbout(number), "the receiver on loopback was not called");
    }
}
