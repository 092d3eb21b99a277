package org.pbxlicensing.domain.code;

/**
 * Crockford's base32 alphabet: digits and upper-case letters without I, L, O and U.
 */
public final class CrockfordAlphabet {

    public static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int SIZE = SYMBOLS.length();

    private static final int NOT_A_SYMBOL = -1;
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, NOT_A_SYMBOL);
        for (int value = 0; value < SIZE; value++) {
            VALUES[SYMBOLS.charAt(value)] = value;
        }
    }

    private CrockfordAlphabet() {
    }

    /** True only for the 32 canonical (upper-case) symbols. */
    public static boolean isSymbol(char candidate) {
        return candidate < VALUES.length && VALUES[candidate] != NOT_A_SYMBOL;
    }

    public static int valueOf(char symbol) {
        if (!isSymbol(symbol)) {
            throw new IllegalArgumentException("Not a Crockford base32 symbol: U+%04X".formatted((int) symbol));
        }
        return VALUES[symbol];
    }

    public static char symbolOf(int value) {
        if (value < 0 || value >= SIZE) {
            throw new IllegalArgumentException("Symbol value out of range 0..31: " + value);
        }
        return SYMBOLS.charAt(value);
    }

    /**
     * Turns typed input into canonical symbols: drops whitespace and dashes, upper-cases ASCII letters and
     * maps the look-alikes O to 0 and I, L to 1. Anything else is kept, so that the caller can reject it
     * (U, punctuation, non-ASCII letters).
     */
    public static String normalize(CharSequence input) {
        StringBuilder normalized = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (isSeparator(c)) {
                continue;
            }
            normalized.append(canonicalLookAlike(toAsciiUpperCase(c)));
        }
        return normalized.toString();
    }

    /** Whitespace, including the no-break spaces that copy and paste brings along. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isSeparator(char c) {
        return isSpace(c) || Character.getType(c) == Character.DASH_PUNCTUATION;
    }

    // Only ASCII is upper-cased: locale or Unicode case mapping would let e.g. the dotless 'ı' pass as I.
    static char toAsciiUpperCase(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
    }

    private static char canonicalLookAlike(char upperCase) {
        return switch (upperCase) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> upperCase;
        };
    }
}
