package org.pbxlicensing.domain.coupon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.code.InvalidCodeException;
import org.pbxlicensing.domain.registration.RegistrationNumber;

class CouponCodeTest {

    private static final Pattern CANONICAL =
            Pattern.compile("^MIKOUPD-[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$");
    private static final String KNOWN_VALUE = "MIKOUPD-01ABC-01XYZ-10KMN-PQRSG";

    private final SecureRandom random = new SecureRandom();

    @Test
    void generatedCodeRoundTripsThroughItsCanonicalForm() {
        for (int i = 0; i < 1000; i++) {
            CouponCode generated = CouponCode.generate(random);

            assertTrue(CANONICAL.matcher(generated.value()).matches(), generated.value());
            assertEquals(generated, CouponCode.parse(generated.value()));
        }
    }

    @Test
    void acceptsLenientlyTypedInputWithoutTouchingThePrefix() {
        CouponCode expected = CouponCode.parse(KNOWN_VALUE);

        assertEquals(expected, CouponCode.parse("mikoupd o1abc oixyz l0kmn pqrsg"));
        assertEquals(expected, CouponCode.parse("MIKOUPD01ABC01XYZ10KMNPQRSG"));
        assertReason(InvalidCodeException.Reason.WRONG_PREFIX, "M1K0UPD-01ABC-01XYZ-10KMN-PQRSG");
    }

    @Test
    void rejectsMistypedCodes() {
        assertReason(InvalidCodeException.Reason.BAD_CHECK_SYMBOL, "MIKOUPD-01ABC-01XYZ-10KMN-PQRSH");
        assertReason(InvalidCodeException.Reason.BAD_CHECK_SYMBOL, "MIKOUPD-10ABC-01XYZ-10KMN-PQRSG");
        assertReason(InvalidCodeException.Reason.INVALID_SYMBOL, "MIKOUPD-U1ABC-01XYZ-10KMN-PQRSG");
        assertReason(InvalidCodeException.Reason.WRONG_LENGTH, "MIKOUPD-01ABC-01XYZ-10KMN-PQRS");
    }

    @Test
    void doesNotAcceptARegistrationNumber() {
        for (int i = 0; i < 100; i++) {
            RegistrationNumber number = RegistrationNumber.generate(random);

            InvalidCodeException rejected =
                    assertThrows(InvalidCodeException.class, () -> CouponCode.parse(number.value()));
            assertEquals(InvalidCodeException.Reason.WRONG_PREFIX, rejected.reason());
            assertEquals(Optional.empty(), CouponCode.tryParse(number.value().replace("-", "")));
        }
    }

    @Test
    void maskedFormAndToStringDoNotRevealTheCode() {
        CouponCode code = CouponCode.parse(KNOWN_VALUE);

        assertEquals("MIKOUPD-*****-*****-*****-PQ***", code.masked());
        assertEquals(code.masked(), code.toString());
        assertFalse(code.masked().contains("01ABC"));
    }

    @Test
    void worksWithAConfiguredPrefix() {
        CouponCode generated = new CouponCodeFormat("ACMEUPD").generate(random);

        assertEquals("ACMEUPD", generated.prefix());
        assertEquals(generated, CouponCode.parse(generated.value(), "acmeupd"));
        assertEquals(Optional.empty(), CouponCode.tryParse(generated.value()));
        assertEquals(CouponCode.DEFAULT_PREFIX, CouponCodeFormat.withDefaultPrefix().prefix());
    }

    private static void assertReason(InvalidCodeException.Reason expected, String input) {
        InvalidCodeException rejected = assertThrows(InvalidCodeException.class, () -> CouponCode.parse(input), input);
        assertEquals(expected, rejected.reason(), input);
    }
}
