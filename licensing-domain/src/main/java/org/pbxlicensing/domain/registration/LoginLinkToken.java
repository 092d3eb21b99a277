package org.pbxlicensing.domain.registration;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pbxlicensing.domain.throttle.LimitedSubject;

/**
 * The secret of a login link: 256 random bits, written into the link as 43 URL-safe Base64 characters.
 * It is a credential: the server keeps only its {@link #digest()} and logs none of it.
 */
public record LoginLinkToken(String value) {

    private static final int BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    public LoginLinkToken {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a login link token");
        }
    }

    public static LoginLinkToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new LoginLinkToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Empty for anything that cannot be a token (a cut-off link, a typed guess), so it is never looked up. */
    public static Optional<LoginLinkToken> tryParse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? Optional.of(new LoginLinkToken(text)) : Optional.empty();
    }

    /** What the database keeps: the token's SHA-256 digest in hexadecimal. */
    public String digest() {
        return LimitedSubject.digest(value);
    }

    @Override
    public String toString() {
        return "LoginLinkToken[…]";
    }
}
