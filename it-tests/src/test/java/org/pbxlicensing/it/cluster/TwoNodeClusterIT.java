package org.pbxlicensing.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Race;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.SessionClient;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.Sweeps;
import org.pbxlicensing.it.support.TestData;
import org.pbxlicensing.it.support.WebhookReceiver;

/**
 * Two nodes over one database behind a load balancer (started by {@code scripts/cluster/two-nodes.sh}):
 * the races of a single node hold across nodes, a persistent timer fires on one node per firing,
 * each webhook event is delivered once, by one of the nodes, and when one node dies the other answers
 * and nothing acknowledged is lost. The last test kills a node.
 */
@ExtendWith(ServerUnderTest.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    private static final int ANSWERS_AFTER_KILL = 100;
    /** The throttles' defaults: failed look-ups per client, wrong staff passwords per user and client. */
    private static final int MAX_FAILED_LOOKUPS = 20;
    private static final int MAX_FAILED_STAFF_LOGINS = 5;
    private static final Pattern EXPIRY_RUN = Pattern.compile("Session expiry run of (\\S+)");

    @Test
    @Order(1)
    void bothNodesAreUpBehindTheBalancer() {
        assertEquals(2, ClusterNodes.baseDirectories().size());
        ClusterNodes.baseDirectories().forEach(node -> assertTrue(ClusterNodes.process(node).isAlive()));
        api().get("/ping").then().statusCode(200);
    }

    @Test
    @Order(2)
    void hostsRacingForFiveSeatsThroughBothNodesLeaveExactlyFiveBindings() {
        String number = Pbx.register(34);
        Database.grantPerpetualLicense(number, 33, 5);

        var outcomes = Race.run(100, i -> Pbx.activate(number, "cluster-host-" + i + "-" + number).then().extract())
                .stream()
                .map(answer -> answer.statusCode() == 200 ? "bound" : answer.<String>path("code"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(Map.of("bound", 5L, "SEATS_EXHAUSTED", 95L), outcomes);
        assertEquals(5, Database.count("""
                SELECT COUNT(*) FROM host_binding b JOIN registration r ON r.id = b.registration_id
                WHERE r.number = ? AND b.released_at IS NULL""", number));
    }

    @Test
    @Order(3)
    void oneCouponRacedThroughBothNodesIsActivatedOnce() {
        String coupon = Store.coupon(33, 2);
        List<String> registrations = Race.run(40, i -> Pbx.register(34));

        var outcomes = Race.run(40, i -> Store.activate(coupon, registrations.get(i)).then().extract())
                .stream()
                .map(answer -> answer.statusCode() == 200 ? "activated" : answer.<String>path("code"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(Map.of("activated", 1L, "COUPON_ALREADY_ACTIVATED", 39L), outcomes);
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license WHERE source = 'COUPON'
                AND source_ref = (SELECT CONCAT('coupon ', id) FROM coupon WHERE code = ?)""", coupon));
    }

    @Test
    @Order(4)
    void sessionsRacingForThreeSeatsThroughBothNodesHoldThreeSeats() {
        String number = Pbx.register(34);
        Database.grantPerpetualLicense(number, SessionClient.PANEL, 3);

        var captured = Race.run(60, i -> SessionClient.capture(number).statusCode()).stream()
                .filter(status -> status == 201).count();

        assertEquals(3, captured);
        assertEquals(3, SessionClient.liveSessions(number));
    }

    @Test
    @Order(5)
    void wrongNumbersGuessedThroughBothNodesAtOnceGetNoMoreLookUpsThanTheLimit() {
        String guesser = ServerUnderTest.randomClientAddress();

        List<Integer> statuses = Race.run(60, i -> ClusterNodes.apiOf(1 + i % 2, guesser)
                .body(Map.of("registrationNumber", "MIKO-00000-00000-00000-" + String.format("%05d", i), "hostId", "h"))
                .post("/checks").statusCode());

        assertEquals(MAX_FAILED_LOOKUPS, Collections.frequency(statuses, 404), statuses::toString);
        assertEquals(60 - MAX_FAILED_LOOKUPS, Collections.frequency(statuses, 429), statuses::toString);
    }

    @Test
    @Order(6)
    void wrongStaffPasswordsThroughBothNodesAtOnceAreCheckedNoMoreThanTheLimit() {
        String user = StaffLogin.createUser("SUPPORT", "support-password-" + TestData.unique());
        String guesser = ServerUnderTest.randomClientAddress();

        // The balancer hands the logins to both nodes in turn.
        List<Integer> statuses = StaffLogin.wrongPasswordsAtOnce(user, guesser, 20);

        // A node that cannot restore a form another node rendered sends a fresh login page (302), taking nothing.
        assertEquals(MAX_FAILED_STAFF_LOGINS, Collections.frequency(statuses, 200), statuses::toString);
        assertEquals(20 - MAX_FAILED_STAFF_LOGINS,
                Collections.frequency(statuses, 429) + Collections.frequency(statuses, 302), statuses::toString);
        assertTrue(Collections.frequency(statuses, 429) > 0, statuses::toString);
    }

    @Test
    @Order(7)
    void theSessionExpiryTimerRunsOnOneNodePerFiring() {
        String number = Pbx.register();
        String session = SessionClient.captured(number);
        Database.execute("""
                UPDATE license_session SET last_heartbeat_at = UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE,
                    expires_at = UTC_TIMESTAMP(6) - INTERVAL 5 MINUTE
                WHERE session_id = ?""", session);

        Poll.until("the session expired by the timer, which fires every minute", Duration.ofSeconds(75),
                () -> SessionClient.endedAs(session, "EXPIRED") ? true : null);

        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM JBOSS_EJB_TIMER
                WHERE PARTITION_NAME = 'licensing' AND TIMEOUT_METHOD_NAME = 'expireStaleSessions'"""));
        Map<String, List<Path>> runsByMinute = new ConcurrentHashMap<>();
        for (Path node : ClusterNodes.baseDirectories()) {
            for (String line : ClusterNodes.serverLog(node)) {
                var run = EXPIRY_RUN.matcher(line);
                if (run.find()) {
                    runsByMinute.computeIfAbsent(run.group(1), minute -> new ArrayList<>()).add(node);
                }
            }
        }
        assertFalse(runsByMinute.isEmpty());
        runsByMinute.forEach((minute, nodes) -> assertEquals(1, nodes.size(), "runs of " + minute + ": " + nodes));
    }

    @Test
    @Order(8)
    void eachWebhookEventIsDeliveredOnceByOneOfTheNodes() throws InterruptedException {
        WebhookReceiver receiver = WebhookReceiver.suite();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String number = ClusterNodes.apiOf(1 + i % 2).body(TestData.registrationForm()).post("/registrations")
                    .then().statusCode(201).extract().path("registrationNumber");
            ClusterNodes.apiOf(2 - i % 2).body(Map.of("registrationNumber", number, "feature", 33,
                    "host", Map.of("id", Pbx.newHostId()))).post("/activations").then().statusCode(200);
            numbers.add(number);
        }
        for (String number : numbers) {
            receiver.await(number, "binding.created", Duration.ofSeconds(60));
        }
        Thread.sleep(Duration.ofSeconds(5).toMillis());

        for (String number : numbers) {
            var calls = receiver.callsAbout(number);
            assertEquals(List.of("binding.created", "license.created", "registration.created"),
                    calls.stream().map(WebhookReceiver.Call::type).sorted().toList(), number + ": " + calls);
            assertEquals(3, calls.stream().map(WebhookReceiver.Call::webhookId).distinct().count());
            assertTrue(calls.stream().allMatch(call -> call.answered() == 200 && call.signatureVerifies()));
        }
        assertEquals(2, Database.count(
                "SELECT COUNT(DISTINCT SUBSTRING_INDEX(a.node, '/', 1)) FROM webhook_attempt a"
                        + " JOIN webhook_delivery d ON d.id = a.delivery_id WHERE d.registration_number IN (?, ?, ?, ?)",
                numbers.get(0), numbers.get(1), numbers.get(2), numbers.get(3)), "both nodes deliver");
    }

    @Test
    @Order(9)
    void aChangeCommittedThroughOneNodeIsSeenByTheNextCheckOnTheOther() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            checkOn(1, number, host).then().statusCode(200).body("status", equalTo("TRIAL"));
        }

        ClusterNodes.apiOf(2).delete("/registrations/{number}/bindings/{host}", number, host).then().statusCode(204);
        checkOn(1, number, host).then().statusCode(200).body("status", equalTo("BINDING_RESET"));

        ClusterNodes.apiOf(2).body(Map.of("registrationNumber", number, "feature", 33, "host", Map.of("id", host)))
                .post("/activations").then().statusCode(200);
        checkOn(1, number, host).then().statusCode(200).body("status", equalTo("TRIAL"));
    }

    @Test
    @Order(10)
    void aSilentHostSweptOnBothNodesAtOnceIsReleasedOnce() {
        int feature = Database.addFeatureReleasingSilentHosts(7);
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, feature, host, "silent-pbx").then().statusCode(200);

        List<Integer> released = Race.run(6, i -> Sweeps.silentHosts(ClusterNodes.baseUrlOf(1 + i % 2), "P8D", number)
                .then().statusCode(200).extract().<Integer>path("released"));

        assertEquals(1, released.stream().mapToInt(Integer::intValue).sum(), "released per sweep: " + released);
        assertEquals(1, Database.count("SELECT COUNT(*) FROM host_binding WHERE host_id = ? AND released_by = 'SYSTEM'",
                host));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'BINDING_RELEASED_SILENT'"
                + " AND subject = ?", "host " + host));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM mail_outbox m JOIN host_binding b ON b.id = m.binding_id"
                + " WHERE b.host_id = ? AND m.kind = 'SILENT_HOST_RELEASED'", host));
    }

    private static Response checkOn(int node, String number, String host) {
        return ClusterNodes.apiOf(node).body(Map.of("registrationNumber", number, "hostId", host)).post("/checks");
    }

    @Test
    @Order(11)
    void whenANodeDiesTheOtherAnswersAndNothingAcknowledgedIsLost() throws Exception {
        String number = Pbx.register(34);
        Database.grantPerpetualLicense(number, 33, 10_000);
        String checkedHost = Pbx.newHostId();
        Pbx.activate(number, checkedHost).then().statusCode(200);

        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<Integer> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answeredAfterKill = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        var stream = Executors.newFixedThreadPool(4);
        for (int worker = 0; worker < 4; worker++) {
            stream.submit(() -> {
                while (answeredAfterKill.get() < ANSWERS_AFTER_KILL && Instant.now().isBefore(giveUp)) {
                    String host = "stream-host-" + TestData.unique();
                    int activation = withRetries(key -> activate(number, host, key));
                    int check = withRetries(key -> Pbx.check(number, checkedHost));
                    if (activation == 200) {
                        acknowledged.add(host);
                    } else {
                        failures.add(activation);
                    }
                    if (check != 200) {
                        failures.add(check);
                    }
                    if (killed.get()) {
                        answeredAfterKill.addAndGet(activation == 200 && check == 200 ? 1 : 0);
                    }
                }
                return null;
            });
        }
        while (acknowledged.size() < 40) {
            Thread.sleep(50);
        }
        ClusterNodes.killHard(ClusterNodes.baseDirectories().get(1));
        killed.set(true);
        stream.shutdown();
        assertTrue(stream.awaitTermination(4, TimeUnit.MINUTES), "the stream of requests ended");

        assertEquals(List.of(), failures, "requests that failed even after their retries");
        long stored = acknowledged.stream().filter(host -> Database.count("""
                SELECT COUNT(*) FROM host_binding b JOIN registration r ON r.id = b.registration_id
                WHERE r.number = ? AND b.host_id = ? AND b.released_at IS NULL""", number, host) == 1).count();
        assertEquals(acknowledged.size(), stored, "acknowledged activations that are in the database");
        assertTrue(answeredAfterKill.get() >= ANSWERS_AFTER_KILL, "the surviving node answered");
        assertTrue(ClusterNodes.process(ClusterNodes.baseDirectories().get(0)).isAlive());
    }

    private static Response activate(String number, String host, String idempotencyKey) {
        return api().header("Idempotency-Key", idempotencyKey)
                .body(Map.of("registrationNumber", number, "feature", 33,
                        "host", Map.of("id", host, "name", "pbx-" + host, "os", "Linux 6.1", "productVersion", "2026.1.1")))
                .post("/activations");
    }

    /**
     * A PBX's request, retried under the same idempotency key when the balancer could not get an
     * answer from a node (502, 503, 504): the final status.
     */
    private static int withRetries(Function<String, Response> request) throws InterruptedException {
        String key = "cluster-" + TestData.unique();
        int status = 0;
        for (int attempt = 0; attempt < 5; attempt++) {
            status = request.apply(key).statusCode();
            if (status != 502 && status != 503 && status != 504) {
                return status;
            }
            Thread.sleep(200);
        }
        return status;
    }
}
