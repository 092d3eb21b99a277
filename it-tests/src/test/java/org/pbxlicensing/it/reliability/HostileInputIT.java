package org.pbxlicensing.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.reliability.HostileCorpus.HostileRequest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.SystemTest;

/**
 * A generated corpus of malformed requests across every endpoint of the contract: not one 5xx,
 * every answer a 4xx {@code application/problem+json} with a stable code and no stack trace (or the
 * 2xx the contract gives where the request is valid after all), and not one row written. Bodies that
 * spoof or read two ways (lone surrogates, names twice, direction controls) are a
 * {@code 400 VALIDATION_FAILED} that names the field.
 */
@SystemTest
class HostileInputIT {

    /** Tables whose rows any request could create; the throttles' own counters are meant to grow. */
    private static final List<String> WRITTEN_BY_REQUESTS = List.of("registration", "email_owner", "license",
            "registration_trial", "host_trial", "host_binding", "idempotency_record", "coupon_batch",
            "license_session", "eula_acceptance", "mail_outbox", "licensev2_installation", "licensev2_usage",
            "licensev2_holder_drop", "licensev2_offline_token", "staff_user");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    @Test
    void everyMalformedRequestIsAProblemAndWritesNothing() throws Exception {
        List<HostileRequest> corpus = HostileCorpus.generate(Store.API_KEY);
        assertTrue(corpus.size() >= 1000, "the corpus has " + corpus.size() + " requests");
        long named = corpus.stream().filter(request -> request.refusal() != null).count();
        assertTrue(named >= 200, "the corpus names the field of " + named + " refusals");
        Map<String, Long> before = rowCounts();

        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (HostileRequest request : corpus) {
                sent.add(senders.submit(() -> verdict(request).ifPresent(wrong::add)));
            }
            for (Future<?> each : sent) {
                each.get();
            }
        } finally {
            senders.shutdownNow();
        }

        // Requests with a garbage X-Forwarded-For count as the test machine's own address; forget their
        // failed look-ups so that the browser tests, which come from that address, are not throttled.
        Database.execute("DELETE FROM attempt_counter WHERE subject IN ('127.0.0.1', '0:0:0:0:0:0:0:1')");

        assertTrue(wrong.isEmpty(), wrong.size() + " of " + corpus.size() + " requests were answered wrongly:\n"
                + String.join("\n", wrong.subList(0, Math.min(40, wrong.size()))));
        assertEquals(before, rowCounts(), "a malformed request wrote rows");
    }

    /** What is wrong with the answer to the request, if anything. */
    private java.util.Optional<String> verdict(HostileRequest request) {
        HttpResponse<String> answer;
        try {
            answer = client.send(build(request), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return java.util.Optional.of(request.name() + ": no answer (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.of(request.name() + ": interrupted");
        }
        int status = answer.statusCode();
        if (request.success().contains(status)) {
            return java.util.Optional.empty();
        }
        String said = request.name() + " (" + request.method() + " " + abbreviate(request.path()) + ") → " + status
                + " " + answer.headers().firstValue("Content-Type").orElse("no content type") + " "
                + abbreviate(answer.body())
                + (request.refusal() == null ? "" : " — wanted 400 VALIDATION_FAILED naming " + request.refusal());
        if (status < 400 || status >= 500) {
            return java.util.Optional.of(said);
        }
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return java.util.Optional.of(said);
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            boolean wellFormed = problem.path("status").asInt() == status
                    && problem.path("code").asText().matches("[A-Z][A-Z_]+")
                    && !problem.path("title").asText().isEmpty()
                    && !answer.body().contains("Exception");
            boolean refusedAsExpected = request.refusal() == null || status == 400
                    && problem.path("code").asText().equals("VALIDATION_FAILED") && names(problem, request.refusal());
            return wellFormed && refusedAsExpected ? java.util.Optional.empty() : java.util.Optional.of(said);
        } catch (IOException e) {
            return java.util.Optional.of(said);
        }
    }

    private static boolean names(JsonNode problem, HostileCorpus.FieldRefusal refusal) {
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asText().equals(refusal.field()) && error.path("code").asText().equals(refusal.code())) {
                return true;
            }
        }
        return false;
    }

    private static HttpRequest build(HostileRequest request) {
        var builder = HttpRequest.newBuilder(URI.create(ServerUnderTest.BASE_URL + request.path()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (!request.headers().containsKey("X-Forwarded-For")) {
            builder.header("X-Forwarded-For", ServerUnderTest.randomClientAddress());
        }
        if (!request.headers().containsKey("Accept")) {
            builder.header("Accept", "application/json");
        }
        request.headers().forEach(builder::header);
        return builder.build();
    }

    private static Map<String, Long> rowCounts() {
        var counts = new LinkedHashMap<String, Long>();
        for (String table : WRITTEN_BY_REQUESTS) {
            counts.put(table, Database.count("SELECT COUNT(*) FROM " + table));
        }
        // Coupons of staff batches may still be minted in the background; only orders' coupons count here.
        counts.put("coupon", Database.count("""
                SELECT COUNT(*) FROM coupon c JOIN coupon_batch b ON b.id = c.batch_id WHERE b.origin <> 'STAFF'"""));
        // A refused store key is audited on purpose: that is a security record, not a write of the request.
        counts.put("audit_event", Database.count("""
                SELECT COUNT(*) FROM audit_event
                WHERE actor_type <> 'SYSTEM' AND action <> 'STORE_AUTHENTICATION_FAILED'"""));
        return counts;
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= 200 ? line : line.substring(0, 197) + "…";
    }
}
