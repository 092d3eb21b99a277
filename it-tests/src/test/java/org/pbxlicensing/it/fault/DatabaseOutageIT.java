package org.pbxlicensing.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.DatabaseProcess;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.ServerProcess;
import org.pbxlicensing.it.support.TimedApi;
import org.pbxlicensing.it.support.TimedApi.Answer;

/**
 * MariaDB goes away for about ten seconds under a stream of checks: the server answers 503 problems
 * quickly instead of hanging, reports itself not ready, and recovers alone once the database is back.
 */
class DatabaseOutageIT {

    /** No request may take longer than this, whatever the database does: far above any pool or connect timeout. */
    private static final Duration NO_REQUEST_HANGS = Duration.ofSeconds(45);
    /** How soon after the database is back everything must work again, generous for a slow machine. */
    private static final Duration RECOVERY = Duration.ofSeconds(90);
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    private static DatabaseProcess database;
    private static ServerProcess server;

    @BeforeAll
    static void boot() {
        database = DatabaseProcess.fresh("outage");
        server = ServerProcess.boot("outage", database);
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
    void checksFailFastWith503WhileTheDatabaseIsDownAndRecoverWithoutARestart() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);
        long serverPid = server.pid();

        var checks = new Stream(3, () -> TimedApi.post("/checks",
                Map.of("registrationNumber", number, "hostId", host)));
        var readiness = new Stream(1, TimedApi::readiness);
        List<Answer> healthy;
        List<Answer> duringOutage;
        List<Answer> readinessDuringOutage;
        List<Answer> recovered;
        try {
            pause(Duration.ofSeconds(3));
            healthy = checks.drain();
            readiness.drain();

            database.stop();
            pause(OUTAGE);
            duringOutage = checks.drain();
            readinessDuringOutage = readiness.drain();

            database.start();
            Poll.until("checks answered 200 again", RECOVERY, () -> checks.awaitNext(Answer::isSuccess));
            Poll.until("readiness UP again", RECOVERY, () -> readiness.awaitNext(Answer::isSuccess));
            checks.drain();
            pause(Duration.ofSeconds(2));
            recovered = checks.drain();
        } finally {
            checks.close();
            readiness.close();
        }

        assertFalse(healthy.isEmpty());
        assertTrue(healthy.stream().allMatch(answer -> answer.status() == 200), () -> "Before: " + healthy);

        assertTrue(duringOutage.stream().anyMatch(answer -> answer.status() == 503),
                () -> "No 503 while the database was down: " + duringOutage);
        for (Answer answer : duringOutage) {
            assertTrue(answer.status() == 200 || isServiceUnavailable(answer),
                    () -> "A check while the database was down: " + answer);
        }
        assertTrue(readinessDuringOutage.stream().anyMatch(answer -> answer.status() == 503
                        && answer.body().contains("DOWN")),
                () -> "Readiness never went DOWN: " + readinessDuringOutage);

        for (Answer answer : checks.all()) {
            assertTrue(answer.status() > 0 && answer.took().compareTo(NO_REQUEST_HANGS) < 0,
                    () -> "A check hung or got no answer: " + answer);
            assertTrue(answer.status() == 200 || isServiceUnavailable(answer), () -> "A check: " + answer);
        }

        assertFalse(recovered.isEmpty());
        assertTrue(recovered.stream().allMatch(answer -> answer.status() == 200), () -> "After: " + recovered);
        assertEquals(serverPid, server.pid(), "the server was not restarted");
        assertTrue(server.isRunning());
        Pbx.check(number, host).then().statusCode(200);
    }

    private static boolean isServiceUnavailable(Answer answer) {
        return answer.status() == 503 && answer.isProblem() && "SERVICE_UNAVAILABLE".equals(answer.code());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Clients sending one request after the other until closed; the answers are collected. */
    private static final class Stream {

        private final ExecutorService clients;
        private final ConcurrentLinkedQueue<Answer> fresh = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Answer> all = new ConcurrentLinkedQueue<>();
        private volatile boolean running = true;

        Stream(int clientCount, Supplier<Answer> request) {
            clients = Executors.newFixedThreadPool(clientCount);
            for (int i = 0; i < clientCount; i++) {
                clients.submit(() -> {
                    while (running) {
                        Answer answer = request.get();
                        fresh.add(answer);
                        all.add(answer);
                        pause(Duration.ofMillis(50));
                    }
                });
            }
        }

        /** The answers since the last drain. */
        List<Answer> drain() {
            var answers = new java.util.ArrayList<Answer>();
            for (Answer answer; (answer = fresh.poll()) != null; ) {
                answers.add(answer);
            }
            return answers;
        }

        /** True once an answer since the last call matches, else null (for {@link Poll#until}). */
        Boolean awaitNext(Predicate<Answer> wanted) {
            return drain().stream().anyMatch(wanted) ? Boolean.TRUE : null;
        }

        List<Answer> all() {
            return List.copyOf(all);
        }

        void close() {
            running = false;
            clients.shutdown();
            try {
                clients.awaitTermination(TimedApi.GIVE_UP.toSeconds() + 10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
