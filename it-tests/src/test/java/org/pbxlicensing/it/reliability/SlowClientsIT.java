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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    void pingsAndChecksOfOthersAreAnsweredWithinASecondWhileFortySlowSendersTrickleTheirBodies() throws Exception {
        String registration = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(registration, host).then().statusCode(200);
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        var senders = new ArrayList<SlowSender>();
        try {
            for (int i = 0; i < SLOW_SENDERS; i++) {
                senders.add(i % 2 == 0
                        ? SlowSender.open("/api/v1/checks", "application/json", 4_000)
                        : SlowSender.open("/entitlement", "application/json", 1024 * 1024));
            }
            trickle.scheduleAtFixedRate(() -> senders.forEach(SlowSender::sendFiftyBytes), 0, 1, TimeUnit.SECONDS);

            long end = System.nanoTime() + BODY_TIMEOUT.minusSeconds(1).toNanos();
            int answered = 0;
            while (System.nanoTime() < end && answered < 40) {
                assertAnsweredInTime("GET", "/api/v1/ping", null);
                assertAnsweredInTime("POST", "/api/v1/checks",
                        "{\"registrationNumber\":\"" + registration + "\",\"hostId\":\"" + host + "\"}");
                answered++;
                Thread.sleep(100);
            }
            assertTrue(answered >= 5, "only " + answered + " rounds in the time the slow bodies take");

            for (SlowSender sender : senders) {
                String answer = sender.answer(BODY_TIMEOUT.plusSeconds(5));
                assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
                assertTrue(answer.contains("application/problem+json"), answer);
                assertTrue(answer.contains("\"code\":\"REQUEST_TIMEOUT\""), answer);
            }
        } finally {
            trickle.shutdownNow();
            senders.forEach(SlowSender::close);
        }
    }

    @Test
    void aBodyLargerThanAnyTheServerAcceptsIsRefusedBeforeItIsSent() throws Exception {
        try (SlowSender sender = SlowSender.open("/entitlement", "application/json", 8L * 1024 * 1024)) {
            String answer = sender.answer(Duration.ofSeconds(5));
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"code\":\"PAYLOAD_TOO_LARGE\""), answer);
        }
    }

    private void assertAnsweredInTime(String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(ServerUnderTest.BASE_URL + path))
                .timeout(PATIENCE)
                .header("X-Forwarded-For", OTHER_CLIENT)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
        assertTrue(took.compareTo(PATIENCE) < 0, method + " " + path + " took " + took);
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

        static SlowSender open(String path, String contentType, long length) throws IOException {
            var socket = new Socket(SERVER.getHost(), SERVER.getPort());
            var sender = new SlowSender(socket, length);
            sender.out.write(("POST " + SERVER.getPath() + path + " HTTP/1.1\r\nHost: " + SERVER.getHost() + "\r\n"
                    + "Content-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n"
                    + "X-Forwarded-For: " + SLOW_CLIENT + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
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
