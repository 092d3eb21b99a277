package org.pbxlicensing.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;

/**
 * Clients that send their requests slowly, as an attacker holding the server's threads would: they
 * cost the others nothing, and their bodies are cut off with 408 when the time for a body has passed
 * ({@code LICENSING_HTTP_BODY_TIMEOUT_SECONDS}, 5 s for the test server).
 */
@SystemTest
class SlowClientsIT {

    private static final URI SERVER = URI.create(ServerUnderTest.BASE_URL);
    private static final String SLOW_CLIENT = "203.0.113.77";
    private static final String OTHER_CLIENT = "203.0.113.78";
    private static final int SLOW_SENDERS = 40;
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PATIENCE = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();

    @Test
    void othersAreAnsweredWithinASecondWhileFortySlowSendersFromOneAddressTrickleTheirBodies() throws Exception {
        // One address has 8 requests taken in at once; the others wait in line and are refused in turn.
        assertOthersAnsweredWhileSlowSendersTrickle(i -> SLOW_CLIENT, Set.of("408", "429"));
    }

    @Test
    void othersAreAnsweredWithinASecondWhileFortySlowSendersFromFortyAddressesTrickleTheirBodies() throws Exception {
        // More slow bodies than request threads, all taken in at once: they must hold no thread.
        assertOthersAnsweredWhileSlowSendersTrickle(i -> "203.0.112." + (i + 1), Set.of("408"));
    }

    @Test
    void oneAddressHoldingItsShareWaitsForItsTurnWhileAnotherIsAnsweredAtOnce() throws Exception {
        String crowded = "203.0.113.80";
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        var senders = new ArrayList<SlowSender>();
        try {
            for (int i = 0; i < 8; i++) {
                senders.add(SlowSender.open("/api/v1/checks", 4_000, crowded));
            }
            trickle.scheduleAtFixedRate(() -> senders.forEach(SlowSender::sendFiftyBytes), 0, 1, TimeUnit.SECONDS);
            Thread.sleep(500);

            assertAnsweredInTime("GET", "/api/v1/ping", null, OTHER_CLIENT);
            long start = System.nanoTime();
            HttpResponse<String> waited = send("GET", "/api/v1/ping", null, crowded, Duration.ofSeconds(30));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(Set.of(200, 429).contains(waited.statusCode()), waited.statusCode() + " " + waited.body());
            assertTrue(took.compareTo(Duration.ofSeconds(3)) > 0, "answered after " + took
                    + ", while the 8 requests of its address were still arriving");
        } finally {
            trickle.shutdownNow();
            senders.forEach(SlowSender::close);
        }
    }

    @Test
    void aHeadThatTricklesIsCutOffWhenItsTimeIsUp() throws Exception {
        try (var socket = new Socket(SERVER.getHost(), SERVER.getPort())) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + SERVER.getPath() + "/api/v1/ping HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
                    .getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean closed = false;
            for (int second = 0; second < 20 && !closed; second++) {
                try {
                    out.write('a');
                    out.flush();
                    closed = socket.getInputStream().read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // one more byte of the header
                } catch (IOException reset) {
                    closed = true;
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(closed, "the connection stayed open for " + took + " of a trickling head");
            assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "closed only after " + took);
        }
    }

    private void assertOthersAnsweredWhileSlowSendersTrickle(IntFunction<String> address, Set<String> refusals)
            throws Exception {
        String registration = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(registration, host).then().statusCode(200);
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        var senders = new ArrayList<SlowSender>();
        try {
            for (int i = 0; i < SLOW_SENDERS; i++) {
                senders.add(i % 2 == 0
                        ? SlowSender.open("/api/v1/checks", 4_000, address.apply(i))
                        : SlowSender.open("/entitlement", 1024 * 1024, address.apply(i)));
            }
            trickle.scheduleAtFixedRate(() -> senders.forEach(SlowSender::sendFiftyBytes), 0, 1, TimeUnit.SECONDS);

            long end = System.nanoTime() + BODY_TIMEOUT.minusSeconds(1).toNanos();
            int rounds = 0;
            while (System.nanoTime() < end && rounds < 40) {
                assertAnsweredInTime("GET", "/api/v1/ping", null, OTHER_CLIENT);
                assertAnsweredInTime("POST", "/api/v1/checks",
                        "{\"registrationNumber\":\"" + registration + "\",\"hostId\":\"" + host + "\"}", OTHER_CLIENT);
                rounds++;
                Thread.sleep(100);
            }
            assertTrue(rounds >= 5, "only " + rounds + " rounds in the time the slow bodies take");

            for (SlowSender sender : senders) {
                String answer = sender.answer(BODY_TIMEOUT.multipliedBy(3));
                assertTrue(answer.length() > 12 && refusals.contains(answer.substring(9, 12)), answer);
                assertTrue(answer.contains("application/problem+json"), answer);
                assertTrue(answer.contains("\"code\":\"REQUEST_TIMEOUT\"")
                        || answer.contains("\"code\":\"TOO_MANY_REQUESTS\""), answer);
            }
        } finally {
            trickle.shutdownNow();
            senders.forEach(SlowSender::close);
        }
    }

    @Test
    void fortyRequestsAtOnceFromOneAddressAreAllAnswered() throws Exception {
        String registration = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(registration, host).then().statusCode(200);
        String check = "{\"registrationNumber\":\"" + registration + "\",\"hostId\":\"" + host + "\"}";
        var pool = Executors.newFixedThreadPool(SLOW_SENDERS);
        try {
            var answers = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < SLOW_SENDERS; i++) {
                answers.add(pool.submit(() -> http.send(HttpRequest.newBuilder(
                                URI.create(ServerUnderTest.BASE_URL + "/api/v1/checks"))
                        .timeout(Duration.ofSeconds(30))
                        .header("X-Forwarded-For", "203.0.113.79")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(check))
                        .build(), HttpResponse.BodyHandlers.ofString())));
            }
            for (var answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body());
                assertTrue(response.body().contains("\"registrationNumber\":\"" + registration + "\""), response.body());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBodyLargerThanAnyTheServerAcceptsIsRefusedBeforeItIsSent() throws Exception {
        try (SlowSender sender = SlowSender.open("/entitlement", 8L * 1024 * 1024, SLOW_CLIENT)) {
            String answer = sender.answer(Duration.ofSeconds(5));
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"code\":\"PAYLOAD_TOO_LARGE\""), answer);
        }
    }

    private void assertAnsweredInTime(String method, String path, String json, String client) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = send(method, path, json, client, PATIENCE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
        assertTrue(took.compareTo(PATIENCE) < 0, method + " " + path + " took " + took);
    }

    private HttpResponse<String> send(String method, String path, String json, String client, Duration timeout)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(ServerUnderTest.BASE_URL + path))
                .timeout(timeout)
                .header("X-Forwarded-For", client)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A raw connection that declares a body and sends it fifty bytes at a time. */
    private static final class SlowSender implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private long unsent;

        private SlowSender(Socket socket, long length) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.unsent = length;
        }

        static SlowSender open(String path, long length, String client) throws IOException {
            var socket = new Socket(SERVER.getHost(), SERVER.getPort());
            var sender = new SlowSender(socket, length);
            sender.out.write(("POST " + SERVER.getPath() + path + " HTTP/1.1\r\nHost: " + SERVER.getHost() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n"
                    + "X-Forwarded-For: " + client + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            sender.out.flush();
            return sender;
        }

        synchronized void sendFiftyBytes() {
            try {
                int bytes = (int) Math.min(50, unsent);
                if (bytes > 0 && !socket.isClosed()) {
                    out.write(" ".repeat(bytes).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    unsent -= bytes;
                }
            } catch (IOException closedByTheServer) {
                unsent = 0;
            }
        }

        /** What the server answered, read until it closes the connection or the time is up. */
        String answer(Duration within) throws IOException {
            socket.setSoTimeout((int) within.toMillis());
            InputStream in = socket.getInputStream();
            var answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            try {
                for (int read; (read = in.read(buffer)) != -1; ) {
                    answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
            } catch (SocketTimeoutException stillOpen) {
                // what came so far
            }
            return answer.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
