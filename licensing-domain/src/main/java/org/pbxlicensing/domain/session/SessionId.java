package org.pbxlicensing.domain.session;

import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The id a client holds its session by: 128 random bits, base64url without padding (22 symbols).
 * Whoever knows it may heartbeat and release the session, so it must not be guessable.
 */
public record SessionId(String value) {

    private static final int RANDOM_BYTES = 16;
    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9_-]{22}$");

    public SessionId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a session id");
        }
    }

    /** @param random a {@link java.security.SecureRandom}; tests may pass a seeded generator */
    public static SessionId generate(RandomGenerator random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return new SessionId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The id a client sent, or empty when it cannot be one (so that no look-up is needed). */
    public static Optional<SessionId> tryParse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? Optional.of(new SessionId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
