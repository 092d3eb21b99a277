package org.pbxlicensing.it.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.licensev2.EntitlementEndpoint;
import org.pbxlicensing.it.licensev2.MikoPbx;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Race;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.WebhookReceiver;
import org.pbxlicensing.it.support.WebhookReceiver.Call;

/**
 * The vendor's receiver, given to the server at start-up for every event, hears of each change once
 * it committed, signed so that the Standard Webhooks rule verifies it with the receiver's secret.
 */
@SystemTest
class WebhooksIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebhookReceiver receiver = WebhookReceiver.suite();

    @Test
    void eachChangeSendsItsEventSignedWithItsFieldsAndASequenceThatGrows() {
        String number = Pbx.register();
        Call registered = receiver.await(number, "registration.created", PATIENCE);
        Call trial = receiver.await(number, "license.created", PATIENCE);
        assertEquals(33, trial.data().path("feature").asInt());
        assertEquals("TRIAL", trial.data().path("kind").asText());
        assertEquals("TRIAL", trial.data().path("source").asText());
        assertEquals(1, trial.data().path("seats").asInt());
        assertTrue(Instant.parse(trial.data().path("expiresAt").asText()).isAfter(Instant.now().plus(Duration.ofDays(29))));

        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);
        Call bound = receiver.await(number, "binding.created", PATIENCE);
        assertEquals(host, bound.data().path("hostId").asText());
        assertEquals(33, bound.data().path("feature").asInt());

        Store.activate(Store.coupon(33, 2), number).then().statusCode(200);
        Call activated = receiver.await(number, "coupon.activated", PATIENCE);
        assertEquals(2, activated.data().path("seats").asInt());
        assertEquals(33, activated.data().path("feature").asInt());
        Call paid = licenseFrom(number, "COUPON");
        assertEquals("PERPETUAL", paid.data().path("kind").asText());
        assertTrue(paid.data().path("expiresAt").isNull(), "a perpetual license tells a null expiry: " + paid.body());

        Pbx.reset(number, host).then().statusCode(204);
        Call released = receiver.await(number, "binding.released", PATIENCE);
        assertEquals(host, released.data().path("hostId").asText());
        assertEquals("CUSTOMER", released.data().path("by").asText());

        List<Call> calls = receiver.callsAbout(number);
        assertEquals(6, calls.size(), () -> "one call per event, all answered at once: " + calls);
        for (Call call : calls) {
            assertTrue(call.signatureVerifies(), () -> "signature of " + call.body());
            assertTrue(call.webhookId().startsWith("msg_"), call.webhookId());
            assertTrue(Math.abs(call.timestamp() - call.receivedAt().getEpochSecond()) <= 5,
                    () -> "webhook-timestamp " + call.timestamp() + " is the time of the attempt");
            assertEquals(Set.of("type", "timestamp", "data"), fieldNames(call));
            Instant.parse(call.json().path("timestamp").asText());
        }
        assertEquals(calls.size(), calls.stream().map(Call::webhookId).distinct().count(), "a webhook id per event");
        assertTrue(registered.data().path("sequence").asLong() < trial.data().path("sequence").asLong()
                        && trial.data().path("sequence").asLong() < bound.data().path("sequence").asLong()
                        && bound.data().path("sequence").asLong() < activated.data().path("sequence").asLong()
                        && activated.data().path("sequence").asLong() < released.data().path("sequence").asLong(),
                "the endpoint's sequence numbers follow the changes");
    }

    @Test
    void aMikoPbxWhoseFirstPollTakesAPaidSeatIsToldAsABindingLikeAnyActivation() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, 33, 2);
        receiver.await(number, "license.created", PATIENCE);
        var pbx = new MikoPbx(number);

        assertTrue(EntitlementEndpoint.token(pbx, pbx.poll()).features().containsKey("33"));

        Call bound = receiver.await(number, "binding.created", PATIENCE);
        assertEquals(pbx.hostId(), bound.data().path("hostId").asText());
        assertEquals(33, bound.data().path("feature").asInt());
        assertTrue(bound.signatureVerifies());
    }

    @Test
    void registrationsRacingEachGetTheirOwnNumberAmongTheEndpointsEvents() {
        List<String> numbers = Race.run(30, i -> Pbx.register());

        List<Long> sequences = numbers.stream()
                .map(number -> receiver.await(number, "registration.created", PATIENCE).data().path("sequence").asLong())
                .toList();

        assertEquals(30, sequences.stream().filter(sequence -> sequence > 0).distinct().count(),
                () -> "one number per event: " + sequences);
    }

    @Test
    void anEndpointAnswering500ThreeTimesGetsTheEventOnceMoreAfterThemUnderTheSameId() throws InterruptedException {
        String number = Pbx.register();
        // Both events of the registration are delivered before the receiver starts failing its calls.
        receiver.await(number, "registration.created", PATIENCE);
        receiver.await(number, "license.created", PATIENCE);
        receiver.failNext(number, 3);

        Pbx.activate(number, Pbx.newHostId()).then().statusCode(200);
        receiver.await(number, "binding.created", Duration.ofSeconds(90));
        Thread.sleep(Duration.ofSeconds(6).toMillis());

        List<Call> bindingCalls = receiver.callsAbout(number).stream()
                .filter(call -> call.type().equals("binding.created")).toList();
        assertThat(bindingCalls.stream().map(Call::answered).toList(), contains(500, 500, 500, 200));
        assertEquals(1, bindingCalls.stream().map(Call::webhookId).distinct().count(), "the same webhook-id on each retry");
        assertTrue(bindingCalls.stream().allMatch(Call::signatureVerifies));
        assertEquals(1, bindingCalls.stream().map(Call::body).distinct().count(), "the same body on each retry");
        assertEquals(4, Database.count("""
                SELECT COUNT(*) FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                WHERE d.registration_number = ? AND d.event_type = 'binding.created'""", number),
                "every attempt is recorded");
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                WHERE d.registration_number = ? AND d.event_type = 'binding.created' AND a.status_code = 500
                AND a.answer = 'not now' AND a.attempted_at = (SELECT MIN(attempted_at) FROM webhook_attempt
                WHERE delivery_id = d.id)""", number), "an attempt keeps its status and the beginning of the answer");
    }

    @Test
    void aChangeThatRollsBackAfterRaisingItsEventSendsNothing() {
        String host = Pbx.newHostId();
        String first = Pbx.register(34);
        Pbx.activate(first, 31, host, "pbx").then().statusCode(200);

        String second = Pbx.register(34);
        receiver.await(second, "license.created", PATIENCE);
        // The trial of feature 31 starts (license.created is raised), then the host's earlier trial refuses it.
        Pbx.activate(second, 31, host, "pbx").then().statusCode(409);
        Pbx.activate(second, 34, Pbx.newHostId(), "other").then().statusCode(200);
        receiver.await(second, "binding.created", PATIENCE);

        assertEquals(0, Database.count("""
                SELECT COUNT(*) FROM webhook_delivery WHERE registration_number = ? AND body LIKE '%"feature":31%'""",
                second), "the rolled-back trial left no delivery");
        assertEquals(List.of(), receiver.callsAbout(second).stream()
                .filter(call -> call.data().path("feature").asInt() == 31).toList());
        assertEquals(Set.of("registration.created", "license.created", "binding.created"),
                receiver.callsAbout(second).stream().map(Call::type).collect(Collectors.toSet()));
    }

    @Test
    void theWebhookSecretIsNotInTheDatabaseInPlainText() {
        String key = WebhookReceiver.SECRET.substring("whsec_".length());
        assertEquals(1, Database.count("SELECT COUNT(*) FROM webhook_endpoint WHERE url = ?", receiver.url()));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM webhook_endpoint WHERE sealed_secret LIKE ?",
                "%" + key.substring(0, 12) + "%"));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM webhook_endpoint WHERE url = ? AND sealed_secret LIKE 'v1.%'",
                receiver.url()));
    }

    private Call licenseFrom(String number, String source) {
        return org.pbxlicensing.it.support.Poll.until("license.created from " + source, PATIENCE,
                () -> receiver.callsAbout(number).stream()
                        .filter(call -> call.type().equals("license.created")
                                && call.data().path("source").asText().equals(source))
                        .findFirst().orElse(null));
    }

    private static Set<String> fieldNames(Call call) {
        var names = new java.util.TreeSet<String>();
        call.json().fieldNames().forEachRemaining(names::add);
        return names;
    }
}
