package org.pbxlicensing.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,} and the base64 HMAC-SHA256 of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with the decoded secret, so that any
 * receiver library of the specification verifies what we send.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String sign(byte[] key, String webhookId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no HMAC-SHA256", e);
        }
    }

    /** Whether one of the space-separated signatures of a header is ours, compared in constant time. */
    public static boolean verifies(byte[] key, String webhookId, long timestamp, byte[] body, String header) {
        byte[] expected = sign(key, webhookId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean found = false;
        for (String candidate : header.trim().split(" +")) {
            found |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return found;
    }
}
