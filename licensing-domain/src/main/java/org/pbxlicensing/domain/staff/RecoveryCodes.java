package org.pbxlicensing.domain.staff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * One-time codes that stand in for the authenticator when the phone is lost: ten per enrolment, shown
 * once. Each has 50 random bits, so a plain SHA-256 keeps them as safe as a slow hash would keep a
 * password, and the login checks one without a cost per stored code.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    /** Ten new codes of the form {@code xxxxx-xxxxx}. */
    public static List<String> generate() {
        return IntStream.range(0, COUNT).mapToObj(i -> newCode()).toList();
    }

    /** Whether the text looks like a recovery code, not an authenticator's six digits. */
    public static boolean looksLikeOne(String text) {
        return text != null && normalized(text).matches("[a-z2-9]{10}");
    }

    /** What is stored of a code: the hex SHA-256 of its characters, case, spaces and dashes left out. */
    public static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalized(code).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no SHA-256", e);
        }
    }

    private static String normalized(String code) {
        return code.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    private static String newCode() {
        var code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
