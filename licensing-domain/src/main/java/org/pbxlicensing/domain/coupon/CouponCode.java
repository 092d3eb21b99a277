package org.pbxlicensing.domain.coupon;

import java.security.SecureRandom;
import java.util.Optional;
import org.pbxlicensing.domain.code.CheckedCode;
import org.pbxlicensing.domain.code.InvalidCodeException;

/**
 * A coupon code such as {@code MIKOUPD-0A1B2-C3D4E-F5G6H-J7K88}. It is a credential:
 * {@link #toString()} is masked, {@link #value()} gives the canonical form.
 */
public final class CouponCode {

    public static final String DEFAULT_PREFIX = "MIKOUPD";

    private static final CouponCodeFormat DEFAULT_FORMAT = new CouponCodeFormat(DEFAULT_PREFIX);

    private final CheckedCode code;

    CouponCode(CheckedCode code) {
        this.code = code;
    }

    /** @throws InvalidCodeException if {@code input} is not a valid {@value #DEFAULT_PREFIX} coupon code */
    public static CouponCode parse(String input) {
        return DEFAULT_FORMAT.parse(input);
    }

    /** @throws InvalidCodeException if {@code input} is not a valid coupon code with {@code prefix} */
    public static CouponCode parse(String input, String prefix) {
        return new CouponCodeFormat(prefix).parse(input);
    }

    public static Optional<CouponCode> tryParse(String input) {
        return DEFAULT_FORMAT.tryParse(input);
    }

    public static Optional<CouponCode> tryParse(String input, String prefix) {
        return new CouponCodeFormat(prefix).tryParse(input);
    }

    public static CouponCode generate(SecureRandom random) {
        return DEFAULT_FORMAT.generate(random);
    }

    public static CouponCode generate(SecureRandom random, String prefix) {
        return new CouponCodeFormat(prefix).generate(random);
    }

    /** Canonical form {@code PREFIX-XXXXX-XXXXX-XXXXX-XXXXX}. */
    public String value() {
        return code.value();
    }

    public String prefix() {
        return code.prefix();
    }

    /** A form safe for logs that does not reveal the code. */
    public String masked() {
        return code.masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CouponCode that && code.equals(that.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
