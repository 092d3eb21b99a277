package org.pbxlicensing.domain.code;

import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The format {@code PREFIX-XXXXX-XXXXX-XXXXX-XXXXX}: a fixed prefix, then four groups of five Crockford
 * base32 symbols, of which the last is a {@link DammCheck32} check symbol over the 19 before it.
 *
 * <p>Parsing is lenient about how the code was typed (case, spaces, dashes, O for 0, I and L for 1) but
 * only in the 20-symbol body: the prefix itself must match letter for letter, ignoring case, so that
 * {@code MIKO} is not read as {@code M1K0}. A code with a longer prefix that starts with this one
 * ({@code MIKOUPD-…} against {@code MIKO}) leaves more than 20 symbols and is rejected.
 */
public final class CheckedCodeFormat {

    public static final int GROUP_COUNT = 4;
    public static final int GROUP_LENGTH = 5;
    public static final int BODY_LENGTH = GROUP_COUNT * GROUP_LENGTH;
    /** Random symbols per code: 19 × 5 = 95 bits. */
    public static final int PAYLOAD_LENGTH = BODY_LENGTH - 1;

    private final String prefix;

    /**
     * @param prefix ASCII letters and digits; stored upper-case
     */
    public CheckedCodeFormat(String prefix) {
        this.prefix = validPrefix(prefix);
    }

    public String prefix() {
        return prefix;
    }

    /**
     * @throws InvalidCodeException if {@code input} is not a valid code with this format's prefix
     */
    public CheckedCode parse(String input) {
        if (input == null) {
            throw invalid(InvalidCodeException.Reason.BLANK);
        }
        String compact = withoutSpaces(input);
        if (compact.isEmpty()) {
            throw invalid(InvalidCodeException.Reason.BLANK);
        }
        if (!startsWithPrefix(compact)) {
            throw invalid(InvalidCodeException.Reason.WRONG_PREFIX);
        }
        String body = CrockfordAlphabet.normalize(compact.substring(prefix.length()));
        if (body.length() != BODY_LENGTH) {
            throw invalid(InvalidCodeException.Reason.WRONG_LENGTH);
        }
        for (int i = 0; i < body.length(); i++) {
            if (!CrockfordAlphabet.isSymbol(body.charAt(i))) {
                throw invalid(InvalidCodeException.Reason.INVALID_SYMBOL);
            }
        }
        if (!DammCheck32.isValid(body)) {
            throw invalid(InvalidCodeException.Reason.BAD_CHECK_SYMBOL);
        }
        return new CheckedCode(prefix, body);
    }

    public Optional<CheckedCode> tryParse(String input) {
        try {
            return Optional.of(parse(input));
        } catch (InvalidCodeException e) {
            return Optional.empty();
        }
    }

    /**
     * A new code from {@value #PAYLOAD_LENGTH} random symbols. Production code passes a
     * {@link java.security.SecureRandom}; tests may pass a seeded generator.
     */
    public CheckedCode generate(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        StringBuilder body = new StringBuilder(BODY_LENGTH);
        for (int i = 0; i < PAYLOAD_LENGTH; i++) {
            body.append(CrockfordAlphabet.symbolOf(random.nextInt(CrockfordAlphabet.SIZE)));
        }
        body.append(DammCheck32.checkSymbol(body));
        return new CheckedCode(prefix, body.toString());
    }

    private boolean startsWithPrefix(String compact) {
        if (compact.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (CrockfordAlphabet.toAsciiUpperCase(compact.charAt(i)) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String withoutSpaces(String input) {
        StringBuilder compact = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (!CrockfordAlphabet.isSpace(c)) {
                compact.append(c);
            }
        }
        return compact.toString();
    }

    private InvalidCodeException invalid(InvalidCodeException.Reason reason) {
        return new InvalidCodeException(reason, prefix);
    }

    private static String validPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("Code prefix must not be empty");
        }
        StringBuilder upperCase = new StringBuilder(prefix.length());
        for (int i = 0; i < prefix.length(); i++) {
            char c = CrockfordAlphabet.toAsciiUpperCase(prefix.charAt(i));
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("Code prefix must consist of ASCII letters and digits");
            }
            upperCase.append(c);
        }
        return upperCase.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckedCodeFormat that && prefix.equals(that.prefix);
    }

    @Override
    public int hashCode() {
        return prefix.hashCode();
    }

    @Override
    public String toString() {
        return prefix + "-XXXXX-XXXXX-XXXXX-XXXXX";
    }
}
