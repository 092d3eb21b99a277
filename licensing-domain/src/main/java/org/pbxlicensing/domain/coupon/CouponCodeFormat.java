package org.pbxlicensing.domain.coupon;

import java.security.SecureRandom;
import java.util.Optional;
import org.pbxlicensing.domain.code.CheckedCodeFormat;
import org.pbxlicensing.domain.code.InvalidCodeException;

/** Parses and generates coupon codes with a configured prefix. */
public final class CouponCodeFormat {

    private final CheckedCodeFormat codeFormat;

    public CouponCodeFormat(String prefix) {
        this.codeFormat = new CheckedCodeFormat(prefix);
    }

    public static CouponCodeFormat withDefaultPrefix() {
        return new CouponCodeFormat(CouponCode.DEFAULT_PREFIX);
    }

    public String prefix() {
        return codeFormat.prefix();
    }

    /** @throws InvalidCodeException if {@code input} is not a valid coupon code */
    public CouponCode parse(String input) {
        return new CouponCode(codeFormat.parse(input));
    }

    public Optional<CouponCode> tryParse(String input) {
        return codeFormat.tryParse(input).map(CouponCode::new);
    }

    public CouponCode generate(SecureRandom random) {
        return new CouponCode(codeFormat.generate(random));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CouponCodeFormat that && codeFormat.equals(that.codeFormat);
    }

    @Override
    public int hashCode() {
        return codeFormat.hashCode();
    }

    @Override
    public String toString() {
        return codeFormat.toString();
    }
}
