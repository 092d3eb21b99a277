package org.pbxlicensing.service.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A write that a client may retry with an {@code Idempotency-Key}: the operation (scope), the
 * client's key, and a digest of what was asked, so that a key reused for another request is caught.
 */
public record IdempotentRequest(String scope, String key, String requestDigest) {

    public static final int MAX_KEY_LENGTH = 200;

    public static IdempotentRequest of(String scope, String key, String requestBody) {
        return new IdempotentRequest(scope, key, sha256(scope + '\n' + requestBody));
    }

    public boolean hasKey() {
        return key != null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
