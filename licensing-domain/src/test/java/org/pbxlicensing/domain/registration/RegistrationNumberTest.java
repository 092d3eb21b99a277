package org.pbxlicensing.domain.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.code.CrockfordAlphabet;
import org.pbxlicensing.domain.code.InvalidCodeException;
import org.pbxlicensing.domain.coupon.CouponCode;

class RegistrationNumberTest {

    private static final Pattern CANONICAL = Pattern.compile("^MIKO-[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$");
    /** Contains 0 and 1, so that their look-alikes can be typed. */
    private static final String KNOWN_VALUE = "MIKO-01ABC-01XYZ-10KMN-PQRSG";

    private final SecureRandom random = new SecureRandom();

    @Test
    void generatedNumberRoundTripsThroughItsCanonicalForm() {
        for (int i = 0; i < 1000; i++) {
            RegistrationNumber generated = RegistrationNumber.generate(random);
            String canonical = generated.value();

            assertTrue(CANONICAL.matcher(canonical).matches(), canonical);
            assertTrue(onlyCrockfordSymbols(body(canonical)), canonical);
            assertEquals("MIKO", generated.prefix());
            assertEquals(generated, RegistrationNumber.parse(canonical));
            assertEquals(canonical, RegistrationNumber.parse(canonical).value());
        }
    }

    @Test
    void rejectsEverySingleSymbolSubstitution() {
        for (int sample = 0; sample < 200; sample++) {
            String body = body(RegistrationNumber.generate(random).value());
            for (int position = 0; position < body.length(); position++) {
                for (char substitute : CrockfordAlphabet.SYMBOLS.toCharArray()) {
                    if (substitute == body.charAt(position)) {
                        continue;
                    }
                    String mistyped = canonical(replace(body, position, substitute));
                    InvalidCodeException rejected =
                            assertThrows(InvalidCodeException.class, () -> RegistrationNumber.parse(mistyped));
                    assertEquals(InvalidCodeException.Reason.BAD_CHECK_SYMBOL, rejected.reason());
                }
            }
        }
    }

    @Test
    void rejectsEveryAdjacentTransposition() {
        for (int sample = 0; sample < 200; sample++) {
            String body = body(RegistrationNumber.generate(random).value());
            for (int position = 0; position + 1 < body.length(); position++) {
                if (body.charAt(position) == body.charAt(position + 1)) {
                    continue;
                }
                String swapped = canonical(swapWithNext(body, position));
                InvalidCodeException rejected =
                        assertThrows(InvalidCodeException.class, () -> RegistrationNumber.parse(swapped));
                assertEquals(InvalidCodeException.Reason.BAD_CHECK_SYMBOL, rejected.reason());
            }
        }
    }

    @Test
    void acceptsLenientlyTypedInputAsTheSameNumber() {
        RegistrationNumber expected = RegistrationNumber.parse(KNOWN_VALUE);

        for (String typed : new String[] {
            "miko-01abc-01xyz-10kmn-pqrsg",
            "MIKO 01ABC 01XYZ 10KMN PQRSG",
            " MIKO-01A BC-01XYZ-10K MN-PQRSG ",
            "MIKO01ABC01XYZ10KMNPQRSG",
            "MIKO-01ABC01XYZ10KMNPQRSG",
            "MIKO-O1ABC-o1XYZ-1OKMN-PQRSG",
            "MIKO-0IABC-0lXYZ-L0KMN-PQRSG",
            "miko 0iabc oLxyz io kmn pqrsg",
        }) {
            RegistrationNumber parsed = RegistrationNumber.parse(typed);
            assertEquals(expected, parsed, typed);
            assertEquals(KNOWN_VALUE, parsed.value(), typed);
        }
    }

    @Test
    void rejectsTheLetterU() {
        assertReason(InvalidCodeException.Reason.INVALID_SYMBOL, "MIKO-U1ABC-01XYZ-10KMN-PQRSG");
        assertReason(InvalidCodeException.Reason.INVALID_SYMBOL, "MIKO-01ABC-01XYZ-10KMN-PQRSu");
    }

    @Test
    void rejectsAWrongNumberOfSymbols() {
        assertReason(InvalidCodeException.Reason.WRONG_LENGTH, "MIKO-01ABC-01XYZ-10KMN-PQRS");
        assertReason(InvalidCodeException.Reason.WRONG_LENGTH, "MIKO-01ABC-01XYZ-10KMN-PQRSG0");
        assertReason(InvalidCodeException.Reason.WRONG_LENGTH, "MIKO-01ABC-01XYZ-10KMN");
    }

    @Test
    void rejectsAWrongPrefix() {
        assertReason(InvalidCodeException.Reason.WRONG_PREFIX, "MIKA-01ABC-01XYZ-10KMN-PQRSG");
        assertReason(InvalidCodeException.Reason.WRONG_PREFIX, "M1K0-01ABC-01XYZ-10KMN-PQRSG");
        assertReason(InvalidCodeException.Reason.WRONG_PREFIX, "01ABC-01XYZ-10KMN-PQRSG");
        assertReason(InvalidCodeException.Reason.BLANK, "   ");
    }

    @Test
    void doesNotAcceptACouponCode() {
        for (int i = 0; i < 100; i++) {
            CouponCode coupon = CouponCode.generate(random);

            assertThrows(InvalidCodeException.class, () -> RegistrationNumber.parse(coupon.value()));
            assertEquals(Optional.empty(), RegistrationNumber.tryParse(coupon.value()));
            assertEquals(Optional.empty(), RegistrationNumber.tryParse(coupon.value().replace("-", "")));
            assertEquals(Optional.empty(), RegistrationNumber.tryParse(coupon.value().toLowerCase()));
        }
    }

    @Test
    void worksWithAConfiguredPrefix() {
        RegistrationNumber generated = RegistrationNumber.generate(random, "ACME");

        assertTrue(generated.value().startsWith("ACME-"), generated.value());
        assertEquals(generated, RegistrationNumber.parse(generated.value().toLowerCase(), "ACME"));
        assertEquals(generated, new RegistrationNumberFormat("acme").parse(generated.value()));
        assertEquals(Optional.empty(), RegistrationNumber.tryParse(generated.value()));
        assertEquals(Optional.empty(), RegistrationNumber.tryParse(KNOWN_VALUE, "ACME"));
        assertEquals(Optional.of(generated), RegistrationNumber.tryParse(generated.value(), "ACME"));
    }

    @Test
    void formatWithDefaultPrefixMatchesTheStaticMethods() {
        RegistrationNumberFormat format = RegistrationNumberFormat.withDefaultPrefix();

        assertEquals("MIKO", format.prefix());
        assertEquals(RegistrationNumber.parse(KNOWN_VALUE), format.parse(KNOWN_VALUE));
        assertEquals("MIKO", format.generate(random).prefix());
    }

    @Test
    void tenThousandGeneratedNumbersAreDistinct() {
        Set<RegistrationNumber> numbers = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(numbers.add(RegistrationNumber.generate(random)), "repeated number after " + i);
        }
    }

    @Test
    void everySymbolAppearsAtEveryPosition() {
        boolean[][] seen = new boolean[20][CrockfordAlphabet.SIZE];
        for (int i = 0; i < 10_000; i++) {
            String body = body(RegistrationNumber.generate(random).value());
            for (int position = 0; position < body.length(); position++) {
                seen[position][CrockfordAlphabet.valueOf(body.charAt(position))] = true;
            }
        }
        for (int position = 0; position < seen.length; position++) {
            for (int value = 0; value < CrockfordAlphabet.SIZE; value++) {
                assertTrue(seen[position][value], "symbol " + CrockfordAlphabet.symbolOf(value) + " never at " + position);
            }
        }
    }

    @Test
    void maskedFormAndToStringNeverRevealTheNumber() {
        assertEquals("MIKO-*****-*****-*****-PQ***", RegistrationNumber.parse(KNOWN_VALUE).masked());
        for (int i = 0; i < 10_000; i++) {
            RegistrationNumber number = RegistrationNumber.generate(random);
            String body = body(number.value());

            for (String shown : new String[] {number.masked(), number.toString()}) {
                assertFalse(shown.contains(number.value()), shown);
                assertFalse(shown.replace("-", "").contains(body), shown);
                assertTrue(shown.startsWith("MIKO-"), shown);
                assertTrue(body(shown).replace("*", "").length() <= 2, shown);
            }
        }
    }

    @Test
    void numbersAreEqualByCanonicalValue() {
        RegistrationNumber number = RegistrationNumber.parse(KNOWN_VALUE);
        RegistrationNumber sameTypedDifferently = RegistrationNumber.parse("miko o1abc o1xyz 1okmn pqrsg");

        assertEquals(number, sameTypedDifferently);
        assertEquals(number.hashCode(), sameTypedDifferently.hashCode());
        assertNotEquals(number, RegistrationNumber.generate(random));
        assertNotEquals(number, CouponCode.parse("MIKOUPD-01ABC-01XYZ-10KMN-PQRSG"));
    }

    private static void assertReason(InvalidCodeException.Reason expected, String input) {
        InvalidCodeException rejected =
                assertThrows(InvalidCodeException.class, () -> RegistrationNumber.parse(input), input);
        assertEquals(expected, rejected.reason(), input);
    }

    /** The 20 symbols of a {@code MIKO-…} canonical or masked form. */
    private static String body(String value) {
        return value.substring("MIKO-".length()).replace("-", "");
    }

    private static String canonical(String body) {
        return "MIKO-%s-%s-%s-%s".formatted(
                body.substring(0, 5), body.substring(5, 10), body.substring(10, 15), body.substring(15, 20));
    }

    private static boolean onlyCrockfordSymbols(String symbols) {
        return symbols.chars().allMatch(c -> CrockfordAlphabet.isSymbol((char) c));
    }

    private static String replace(String symbols, int position, char replacement) {
        char[] chars = symbols.toCharArray();
        chars[position] = replacement;
        return new String(chars);
    }

    private static String swapWithNext(String symbols, int position) {
        char[] chars = symbols.toCharArray();
        char first = chars[position];
        chars[position] = chars[position + 1];
        chars[position + 1] = first;
        return new String(chars);
    }
}
