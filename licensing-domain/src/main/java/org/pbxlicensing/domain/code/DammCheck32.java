package org.pbxlicensing.domain.code;

/**
 * Damm check symbol over Crockford base32 symbols.
 *
 * <p>The quasigroup is {@code x ∘ y = a·x + y} in GF(32) built with the primitive polynomial
 * x<sup>5</sup> + x<sup>2</sup> + 1, where addition is XOR. It is totally anti-symmetric whenever
 * {@code a ∉ {0, 1}}: {@code (c∘x)∘y = a²c + a·x + y} equals {@code (c∘y)∘x} only if
 * {@code (a + 1)(x + y) = 0}, i.e. {@code x = y}. That is what makes the check catch every single-symbol
 * substitution and every adjacent transposition.
 */
public final class DammCheck32 {

    public static final int ORDER = CrockfordAlphabet.SIZE;

    private static final int FIELD_POLYNOMIAL = 0b100101;
    private static final int FIELD_OVERFLOW_BIT = 0b100000;
    /** The field element x. */
    private static final int MULTIPLIER = 0b00010;

    private DammCheck32() {
    }

    /** The quasigroup operation {@code interim ∘ value}; both arguments in 0..31. */
    public static int operate(int interim, int value) {
        requireElement(interim);
        requireElement(value);
        return multiply(MULTIPLIER, interim) ^ value;
    }

    /** The symbol that, appended to {@code payload}, makes the sequence valid. */
    public static char checkSymbol(CharSequence payload) {
        // interim ∘ c = a·interim + c is zero exactly when c = a·interim, XOR being its own inverse.
        return CrockfordAlphabet.symbolOf(multiply(MULTIPLIER, interim(payload)));
    }

    /** True if {@code symbols}, check symbol last, reduce to zero. */
    public static boolean isValid(CharSequence symbols) {
        return interim(symbols) == 0;
    }

    private static int interim(CharSequence symbols) {
        int interim = 0;
        for (int i = 0; i < symbols.length(); i++) {
            interim = operate(interim, CrockfordAlphabet.valueOf(symbols.charAt(i)));
        }
        return interim;
    }

    private static int multiply(int left, int right) {
        int product = 0;
        int shifted = left;
        for (int bits = right; bits != 0; bits >>>= 1) {
            if ((bits & 1) != 0) {
                product ^= shifted;
            }
            shifted <<= 1;
            if ((shifted & FIELD_OVERFLOW_BIT) != 0) {
                shifted ^= FIELD_POLYNOMIAL;
            }
        }
        return product;
    }

    private static void requireElement(int element) {
        if (element < 0 || element >= ORDER) {
            throw new IllegalArgumentException("Quasigroup element out of range 0..31: " + element);
        }
    }
}
