package org.pbxlicensing.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The vendor's system as the tests play it: an HTTP receiver of webhooks on loopback, which checks
 * every call the way a Standard Webhooks library does (HMAC-SHA256 of {@code id.timestamp.body} with
 * the decoded {@code whsec_} key, computed here with the JDK alone) and keeps every call it got. The
 * suite's server is given its URL and secret at start-up; fault tests start receivers of their own.
 * A test may have the receiver answer 500 a number of times to the events of one registration, or
 * hold its answers (a call recorded with status 0 was never answered).
 */
public final class WebhookReceiver implements BeforeAllCallback, AutoCloseable {

    public static final String SECRET = System.getProperty("it.webhook.secret",
            "whsec_fyf40Tz5xfx3aCPWPFn18GBuItnOSQda/mn0bIR3Ebg=");
    private static final int SUITE_PORT = Integer.getInteger("it.webhook.port", 18099);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebhookReceiver suite;

    private final HttpServer server;
    private volatile byte[] key;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, AtomicInteger> failuresToAnswer = new ConcurrentHashMap<>();
    private final Map<String, Duration> holds = new ConcurrentHashMap<>();

    /** One call as it arrived, with whether its signature verified. */
    public record Call(String webhookId, long timestamp, String signature, String body, JsonNode json,
            boolean signatureVerifies, int answered, Instant receivedAt) {

        public String type() {
            return json.path("type").asText();
        }

        public JsonNode data() {
            return json.path("data");
        }
    }

    /** For JUnit: the suite's receiver, started by the first system test. */
    public WebhookReceiver() {
        this.server = null;
        this.key = null;
    }

    private WebhookReceiver(int port, String secret) {
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("No webhook receiver on port " + port, e);
        }
        server.createContext("/hooks", this::receive);
        server.setExecutor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** A receiver of a test's own on a free port. */
    public static WebhookReceiver start(String secret) {
        return new WebhookReceiver(0, secret);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        suite();
    }

    /** The receiver the suite's server calls, subscribed to every event. */
    public static synchronized WebhookReceiver suite() {
        if (suite == null) {
            suite = new WebhookReceiver(SUITE_PORT, SECRET);
        }
        return suite;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** Verifies the calls that arrive from now on with this secret (one shown by the admin area once the URL was given). */
    public void useSecret(String secret) {
        key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** Every call so far, in the order they arrived. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The next {@code times} calls about the registration are answered 500. */
    public void failNext(String registrationNumber, int times) {
        failuresToAnswer.put(registrationNumber, new AtomicInteger(times));
    }

    /** Calls about the registration are answered only after {@code hold} (null: at once again). */
    public void holdAnswers(String registrationNumber, Duration hold) {
        if (hold == null) {
            holds.remove(registrationNumber);
        } else {
            holds.put(registrationNumber, hold);
        }
    }

    /** Every call so far about the registration, in the order they arrived. */
    public synchronized List<Call> callsAbout(String registrationNumber) {
        return calls.stream()
                .filter(call -> registrationNumber.equals(call.data().path("registrationNumber").asText(null)))
                .toList();
    }

    /** Waits until a call of the type about the registration was answered 2xx, and returns it. */
    public Call await(String registrationNumber, String type, Duration patience) {
        return Poll.until(type + " for " + registrationNumber, patience, () -> callsAbout(registrationNumber).stream()
                .filter(call -> call.type().equals(type) && call.answered() == 200)
                .findFirst().orElse(null));
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestampHeader = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            long timestamp = timestampHeader == null ? -1 : Long.parseLong(timestampHeader);
            JsonNode json = JSON.readTree(body);
            String number = json.path("data").path("registrationNumber").asText("");
            Duration hold = holds.get(number);
            if (hold != null) {
                synchronized (this) {
                    calls.add(new Call(id, timestamp, signature, new String(body, StandardCharsets.UTF_8), json,
                            verifies(id, timestamp, body, signature), 0, Instant.now()));
                }
                sleep(hold);
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            AtomicInteger failures = failuresToAnswer.get(number);
            int status = failures != null && failures.getAndDecrement() > 0 ? 500 : 200;
            synchronized (this) {
                calls.add(new Call(id, timestamp, signature, new String(body, StandardCharsets.UTF_8), json,
                        verifies(id, timestamp, body, signature), status, Instant.now()));
            }
            byte[] answer = (status == 200 ? "thanks" : "not now").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static void sleep(Duration hold) {
        try {
            Thread.sleep(hold.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The Standard Webhooks rule: one of the space-separated {@code v1,} signatures is the HMAC of id.timestamp.body. */
    private boolean verifies(String id, long timestamp, byte[] body, String header) {
        if (id == null || header == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body)))
                    .getBytes(StandardCharsets.US_ASCII);
            for (String candidate : header.split(" ")) {
                if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
