package org.pbxlicensing.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Requests to the JSON API that never throw: each gives an {@link Answer} with how long it took, or
 * no answer at all when the server is gone. For streams of requests while a test breaks things.
 */
public final class TimedApi {

    /** Longer than any bound a test asserts: a request still open then counts as hung. */
    public static final Duration GIVE_UP = Duration.ofMinutes(2);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TimedApi() {
    }

    public static Answer post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(ServerUnderTest.BASE_URL + "/api/v1" + path))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("X-Forwarded-For", ServerUnderTest.randomClientAddress())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code GET /health/ready} of the management interface. */
    public static Answer readiness() {
        return send(HttpRequest.newBuilder(URI.create(ServerUnderTest.MANAGEMENT_URL + "/health/ready")).GET());
    }

    private static Answer send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(GIVE_UP).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), Duration.ofNanos(System.nanoTime() - start), null);
        } catch (HttpTimeoutException e) {
            return new Answer(Answer.HUNG, "", "", Duration.ofNanos(System.nanoTime() - start), e);
        } catch (IOException e) {
            return new Answer(Answer.NONE, "", "", Duration.ofNanos(System.nanoTime() - start), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Answer.NONE, "", "", Duration.ofNanos(System.nanoTime() - start), e);
        }
    }

    /** What came back: an HTTP status, or {@link #NONE} (no connection, reset) or {@link #HUNG}. */
    public record Answer(int status, String contentType, String body, Duration took, Exception failure) {

        public static final int NONE = -1;
        public static final int HUNG = -2;

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        /** The problem's {@code code}, or null. */
        public String code() {
            return isProblem() ? json().path("code").asText(null) : null;
        }

        @Override
        public String toString() {
            return status + " " + contentType + " after " + took.toMillis() + " ms "
                    + (failure != null ? failure.toString() : body.length() > 300 ? body.substring(0, 300) : body);
        }
    }
}
