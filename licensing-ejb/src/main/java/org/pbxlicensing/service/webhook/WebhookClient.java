package org.pbxlicensing.service.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.webhook.EndpointAddresses;
import org.pbxlicensing.domain.webhook.WebhookAttempt;
import org.pbxlicensing.domain.webhook.WebhookPayload;
import org.pbxlicensing.domain.webhook.WebhookSecret;
import org.pbxlicensing.domain.webhook.WebhookSignature;
import org.pbxlicensing.infrastructure.config.WebhookSettings;

/**
 * Calls an endpoint: a signed POST with short connect and answer timeouts, redirects never
 * followed (a 3xx is a failure), and no call at all when the endpoint's name resolves to an address
 * the server must not reach ({@link EndpointAddresses}).
 */
@ApplicationScoped
public class WebhookClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Inject
    WebhookSettings settings;

    /** Why the URL may not be called now, or empty: the URL's form, then every address its host resolves to. */
    public Optional<String> refusal(String url) {
        Optional<String> problem = EndpointAddresses.urlProblem(url);
        if (problem.isPresent()) {
            return problem;
        }
        String host = URI.create(url.strip()).getHost();
        List<InetAddress> resolved;
        try {
            resolved = List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return Optional.of("the host " + host + " does not resolve");
        }
        return EndpointAddresses.firstRefused(resolved, settings.allowPrivate())
                .map(address -> host + " resolves to " + address.getHostAddress()
                        + ", a loopback, link-local or private address (LICENSING_WEBHOOK_ALLOW_PRIVATE is not true)");
    }

    public WebhookCall post(String url, String secret, String webhookId, String body, long timestamp) {
        Optional<String> refused = refusal(url);
        if (refused.isPresent()) {
            return WebhookCall.refused("not called: " + refused.get());
        }
        byte[] bytes = WebhookPayload.bytes(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.strip()))
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "pbx-licensing-webhooks")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(WebhookSecret.key(secret), webhookId, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String answer;
            try (InputStream in = response.body()) {
                answer = beginning(in.readNBytes(WebhookAttempt.MAX_ANSWER_BYTES));
            }
            return new WebhookCall(response.statusCode(), answer, null, elapsed(started));
        } catch (IOException e) {
            return new WebhookCall(null, null, e.getClass().getSimpleName() + ": " + e.getMessage(), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookCall(null, null, "interrupted", elapsed(started));
        }
    }

    /** The answer's first KiB as text; a character cut in half at the end is dropped. */
    private static String beginning(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString().replace("\uFFFD", "")
                    .replace('\0', ' ');
        } catch (java.nio.charset.CharacterCodingException e) {
            return "";
        }
    }

    private static long elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
