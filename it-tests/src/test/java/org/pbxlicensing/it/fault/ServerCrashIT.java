package org.pbxlicensing.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.DatabaseProcess;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerProcess;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.TestData;
import org.pbxlicensing.it.support.TimedApi;
import org.pbxlicensing.it.support.TimedApi.Answer;

/**
 * The server's JVM is killed (SIGKILL) in the middle of a stream of activations and coupon
 * activations, then booted again on the same database: every request that was answered 2xx is
 * there exactly once, every refused one is absent, and nothing half-written exists.
 */
class ServerCrashIT {

    private static final int REGISTRATIONS = 4;
    private static final int COUPONS = 16;
    private static final int ACTIVATIONS = 240;
    private static final int CLIENTS = 4;
    /** The kill comes once this many requests were answered 2xx, while the others are still being sent. */
    private static final int SUCCESSES_BEFORE_THE_CRASH = 30;

    private static DatabaseProcess database;
    private static ServerProcess server;

    @BeforeAll
    static void boot() {
        database = DatabaseProcess.fresh("crash");
        server = ServerProcess.boot("crash", database);
    }

    @AfterAll
    static void shutDown() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyAnsweredWriteSurvivesASigkillExactlyOnceAndNothingIsHalfWritten() throws Exception {
        List<String> registrations = IntStream.range(0, REGISTRATIONS).mapToObj(i -> Pbx.register()).toList();
        List<String> coupons = Store.order("order-" + TestData.unique(), IntStream.range(0, COUPONS)
                        .mapToObj(i -> Map.<String, Object>of("feature", 33, "seats", 1 + i % 3)).toList())
                .then().statusCode(201).extract().path("coupons.code");

        var writes = new ArrayList<Write>();
        var random = ThreadLocalRandom.current();
        for (int i = 0; i < ACTIVATIONS; i++) {
            writes.add(Write.activation(registrations.get(random.nextInt(REGISTRATIONS)), Pbx.newHostId()));
        }
        for (String coupon : coupons) {
            writes.add(Write.couponActivation(registrations.get(random.nextInt(REGISTRATIONS)), coupon));
        }
        Collections.shuffle(writes);

        List<Sent> sent = sendUntilKilled(writes);
        server.start();

        List<Sent> answered = sent.stream().filter(s -> s.answer().status() > 0).toList();
        List<Sent> succeeded = answered.stream().filter(s -> s.answer().isSuccess()).toList();
        System.out.printf("Crash: %d writes sent, %d answered 2xx, %d refused, %d without an answer%n",
                sent.size(), succeeded.size(), answered.size() - succeeded.size(), sent.size() - answered.size());
        assertTrue(succeeded.size() >= SUCCESSES_BEFORE_THE_CRASH, "answered before the crash: " + succeeded.size());
        for (Sent s : answered) {
            assertTrue(s.answer().isSuccess() || s.answer().status() == 409,
                    () -> s.write() + " was answered " + s.answer());
        }

        for (Sent s : answered) {
            long present = s.write().rowsPresent(database);
            assertEquals(s.answer().isSuccess() ? 1 : 0, present,
                    () -> s.write() + " answered " + s.answer().status() + " is present " + present + " times");
        }
        for (Sent s : succeeded) {
            if (s.write().hostId() != null) {
                Answer check = TimedApi.post("/checks",
                        Map.of("registrationNumber", s.write().registrationNumber(), "hostId", s.write().hostId()));
                assertEquals(200, check.status(), () -> "check of " + s.write() + ": " + check);
                assertTrue(check.json().path("features").findValuesAsText("number").contains("33"),
                        () -> "feature 33 missing after the crash for " + s.write() + ": " + check);
            }
        }
        assertNothingHalfWritten();

        Pbx.activate(Pbx.register(), Pbx.newHostId()).then().statusCode(200);
    }

    /** Sends the writes from several clients and kills the server once enough were answered 2xx. */
    private static List<Sent> sendUntilKilled(List<Write> writes) throws InterruptedException {
        var pending = new ConcurrentLinkedQueue<>(writes);
        var sent = new ConcurrentLinkedQueue<Sent>();
        var successes = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                for (Write write; server.isRunning() && (write = pending.poll()) != null; ) {
                    Answer answer = write.send();
                    sent.add(new Sent(write, answer));
                    if (answer.isSuccess()) {
                        successes.incrementAndGet();
                    }
                }
            });
        }
        while (successes.get() < SUCCESSES_BEFORE_THE_CRASH && !pending.isEmpty()) {
            Thread.sleep(5);
        }
        server.kill();
        clients.shutdown();
        assertTrue(clients.awaitTermination(TimedApi.GIVE_UP.toSeconds() + 10, TimeUnit.SECONDS));
        assertTrue(!pending.isEmpty(), "the stream ended before the crash; send more writes");
        return List.copyOf(sent);
    }

    /** Invariants over the whole database, including writes whose answer the crash swallowed. */
    private static void assertNothingHalfWritten() {
        assertEquals(0, database.count("""
                SELECT COUNT(*) FROM coupon WHERE state = 'ACTIVATED'
                AND (license_id IS NULL OR activated_registration_id IS NULL OR activated_at IS NULL)"""),
                "activated coupons without their license");
        assertEquals(0, database.count("""
                SELECT COUNT(*) FROM coupon WHERE state = 'ISSUED'
                AND (license_id IS NOT NULL OR activated_registration_id IS NOT NULL)"""),
                "unused coupons with a license");
        assertEquals(0, database.count("""
                SELECT COUNT(*) FROM license l WHERE l.source = 'COUPON' AND NOT EXISTS (
                    SELECT 1 FROM coupon c WHERE c.license_id = l.id AND c.activated_registration_id = l.registration_id)"""),
                "coupon licenses without their coupon's activation");
        assertEquals(database.count("SELECT COUNT(*) FROM coupon WHERE state = 'ACTIVATED'"),
                database.count("SELECT COUNT(*) FROM license WHERE source = 'COUPON'"),
                "one license per activated coupon");
        assertEquals(0, database.count("""
                SELECT COUNT(*) FROM license l WHERE l.seats < (
                    SELECT COUNT(*) FROM host_binding b WHERE b.license_id = l.id AND b.released_at IS NULL)"""),
                "licenses with more bindings than seats");
        assertEquals(0, database.count("""
                SELECT COUNT(*) FROM host_binding b JOIN license l ON l.id = b.license_id
                WHERE l.registration_id <> b.registration_id OR l.feature_number <> b.feature_number"""),
                "bindings to a license of another registration or feature");
        assertEquals(0, database.count("""
                SELECT COUNT(*) FROM (SELECT registration_id, host_id FROM host_binding
                    WHERE released_at IS NULL GROUP BY registration_id, host_id, feature_number HAVING COUNT(*) > 1) d"""),
                "hosts bound twice");
        assertEquals(database.count("SELECT COUNT(*) FROM license WHERE kind = 'TRIAL'"),
                database.count("SELECT COUNT(*) FROM registration_trial"),
                "trial licenses and the trials they claim");
    }

    private record Sent(Write write, Answer answer) {
    }

    /** An activation of a host, or of a coupon, on a registration. */
    private record Write(String registrationNumber, String hostId, String coupon) {

        static Write activation(String registrationNumber, String hostId) {
            return new Write(registrationNumber, hostId, null);
        }

        static Write couponActivation(String registrationNumber, String coupon) {
            return new Write(registrationNumber, null, coupon);
        }

        Answer send() {
            if (hostId != null) {
                return TimedApi.post("/activations", Map.of("registrationNumber", registrationNumber, "feature", 33,
                        "host", Map.of("id", hostId, "name", "pbx-" + hostId)));
            }
            return TimedApi.post("/coupon-activations", Map.of("registrationNumber", registrationNumber,
                    "coupon", coupon));
        }

        /** How many times the write is in the database: an active binding, or the coupon's license. */
        long rowsPresent(DatabaseProcess database) {
            if (hostId != null) {
                return database.count("""
                        SELECT COUNT(*) FROM host_binding b JOIN registration r ON r.id = b.registration_id
                        WHERE r.number = ? AND b.host_id = ? AND b.feature_number = 33 AND b.released_at IS NULL""",
                        registrationNumber, hostId);
            }
            return database.count("""
                    SELECT COUNT(*) FROM coupon c
                    JOIN registration r ON r.id = c.activated_registration_id
                    JOIN license l ON l.id = c.license_id AND l.registration_id = r.id
                    WHERE c.code = ? AND r.number = ? AND c.state = 'ACTIVATED'""", coupon, registrationNumber);
        }
    }
}
