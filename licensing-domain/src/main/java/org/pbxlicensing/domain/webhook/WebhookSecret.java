package org.pbxlicensing.domain.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * An endpoint's signing secret as Standard Webhooks writes it, {@code whsec_<base64>}: the key is
 * the decoded bytes. The server generates 32 random bytes; an operator's own secret needs at least
 * {@link #MIN_KEY_BYTES}.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    public static final int MIN_KEY_BYTES = 24;
    private static final int GENERATED_KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    public static String generate() {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** @throws IllegalArgumentException when the text is no secret of this form (the message never repeats it) */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A webhook secret is " + PREFIX + " followed by base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("A webhook secret holds at least " + MIN_KEY_BYTES + " bytes, not "
                    + key.length);
        }
        return key;
    }
}
