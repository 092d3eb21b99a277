package org.pbxlicensing.domain.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CheckedCodeFormatTest {

    private static final String KNOWN_VALUE = "ACME-0A1B2-C3D4E-F5G6H-J7K88";

    private final CheckedCodeFormat format = new CheckedCodeFormat("ACME");

    @Test
    void parsesTheCanonicalForm() {
        CheckedCode code = format.parse(KNOWN_VALUE);

        assertEquals(KNOWN_VALUE, code.value());
        assertEquals("ACME", code.prefix());
        assertEquals("0A1B2C3D4EF5G6HJ7K88", code.body());
    }

    @Test
    void generatedCodesParseBackToEqualCodes() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int i = 0; i < 1000; i++) {
            CheckedCode generated = format.generate(random);

            assertTrue(generated.value().matches("ACME(-[" + CrockfordAlphabet.SYMBOLS + "]{5}){4}"), generated.value());
            assertEquals(generated, format.parse(generated.value()));
        }
    }

    @Test
    void generationIsDrivenOnlyByTheGivenRandomGenerator() {
        assertEquals(format.generate(new SplittableRandom(42L)), format.generate(new SplittableRandom(42L)));
        assertNotEquals(format.generate(new SplittableRandom(42L)), format.generate(new SplittableRandom(43L)));
    }

    @Test
    void acceptsTheWaysPeopleTypeACode() {
        CheckedCode expected = format.parse(KNOWN_VALUE);

        assertEquals(expected, format.parse("acme-0a1b2-c3d4e-f5g6h-j7k88"));
        assertEquals(expected, format.parse("ACME0A1B2C3D4EF5G6HJ7K88"));
        assertEquals(expected, format.parse("  ACME 0A1B2 C3D4E\tF5G6H J7K88\n"));
        assertEquals(expected, format.parse("ACME-OA1B2-C3D4E-F5G6H-J7K88"));
        assertEquals(expected, format.parse("ACME-0AIB2-C3D4E-F5G6H-J7K88"));
        assertEquals(expected, format.parse("ACME-0Al\u00A0B2-C3D4E-F5G6H-J7K88"));
        assertEquals(expected, format.parse("ACME--0A1-B2C3-D4EF5G6HJ-7K88"));
        assertEquals(expected, format.parse("ACME\u20130A1B2\u2013C3D4E\u2013F5G6H\u2013J7K88"));
    }

    @Test
    void rejectsMissingInput() {
        assertReason(InvalidCodeException.Reason.BLANK, null);
        assertReason(InvalidCodeException.Reason.BLANK, "");
        assertReason(InvalidCodeException.Reason.BLANK, " \t\n");
    }

    @Test
    void rejectsAnotherPrefix() {
        assertReason(InvalidCodeException.Reason.WRONG_PREFIX, "ACNE-0A1B2-C3D4E-F5G6H-J7K88");
        assertReason(InvalidCodeException.Reason.WRONG_PREFIX, "0A1B2-C3D4E-F5G6H-J7K88");
        assertReason(InvalidCodeException.Reason.WRONG_PREFIX, "-ACME-0A1B2-C3D4E-F5G6H-J7K88");
        assertReason(InvalidCodeException.Reason.WRONG_PREFIX, "ACM");
    }

    @Test
    void matchesThePrefixLiterallyWithoutMappingLookAlikes() {
        CheckedCodeFormat withLookAlikes = new CheckedCodeFormat("MIKO");

        assertEquals("MIKO-0A1B2-C3D4E-F5G6H-J7K88", withLookAlikes.parse("miko0a1b2c3d4ef5g6hj7k88").value());
        InvalidCodeException rejected =
                assertThrows(InvalidCodeException.class, () -> withLookAlikes.parse("M1K0-0A1B2-C3D4E-F5G6H-J7K88"));
        assertEquals(InvalidCodeException.Reason.WRONG_PREFIX, rejected.reason());
    }

    @Test
    void rejectsALongerPrefixThatStartsWithThePrefix() {
        assertReason(InvalidCodeException.Reason.WRONG_LENGTH, "ACMEX-0A1B2-C3D4E-F5G6H-J7K88");
        assertTrue(new CheckedCodeFormat("ACMEX").tryParse("ACMEX-0A1B2-C3D4E-F5G6H-J7K88").isPresent());
    }

    @Test
    void rejectsAWrongNumberOfSymbols() {
        assertReason(InvalidCodeException.Reason.WRONG_LENGTH, "ACME");
        assertReason(InvalidCodeException.Reason.WRONG_LENGTH, "ACME-");
        assertReason(InvalidCodeException.Reason.WRONG_LENGTH, "ACME-0A1B2-C3D4E-F5G6H-J7K8");
        assertReason(InvalidCodeException.Reason.WRONG_LENGTH, "ACME-0A1B2-C3D4E-F5G6H-J7K880");
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        assertReason(InvalidCodeException.Reason.INVALID_SYMBOL, "ACME-UA1B2-C3D4E-F5G6H-J7K88");
        assertReason(InvalidCodeException.Reason.INVALID_SYMBOL, "ACME-uA1B2-C3D4E-F5G6H-J7K88");
        assertReason(InvalidCodeException.Reason.INVALID_SYMBOL, "ACME-0A1B2-C3D4E-F5G6H-J7K8*");
        assertReason(InvalidCodeException.Reason.INVALID_SYMBOL, "ACME-0A1B2-C3D4E-F5G6H-J7K8\u00C4");
        assertReason(InvalidCodeException.Reason.INVALID_SYMBOL, "ACME-0A\u0131B2-C3D4E-F5G6H-J7K88");
    }

    @Test
    void rejectsAWrongCheckSymbol() {
        assertReason(InvalidCodeException.Reason.BAD_CHECK_SYMBOL, "ACME-0A1B2-C3D4E-F5G6H-J7K89");
        assertReason(InvalidCodeException.Reason.BAD_CHECK_SYMBOL, "ACME-A01B2-C3D4E-F5G6H-J7K88");
    }

    @Test
    void tryParseReturnsEmptyInsteadOfThrowing() {
        assertEquals(Optional.of(format.parse(KNOWN_VALUE)), format.tryParse(KNOWN_VALUE));
        assertEquals(Optional.empty(), format.tryParse("ACME-0A1B2-C3D4E-F5G6H-J7K89"));
        assertEquals(Optional.empty(), format.tryParse(null));
    }

    @Test
    void exceptionNamesTheReasonButNotTheInput() {
        InvalidCodeException rejected =
                assertThrows(InvalidCodeException.class, () -> format.parse("ACME-0A1B2-C3D4E-F5G6H-J7K89"));

        assertEquals("ACME", rejected.expectedPrefix());
        assertTrue(rejected.getMessage().contains("check symbol"), rejected.getMessage());
        assertFalse(rejected.getMessage().contains("0A1B2"), rejected.getMessage());
        assertFalse(rejected.getMessage().contains("J7K89"), rejected.getMessage());
    }

    @Test
    void maskedFormShowsOnlyThePrefixAndTheStartOfTheLastGroup() {
        CheckedCode code = format.parse(KNOWN_VALUE);

        assertEquals("ACME-*****-*****-*****-J7***", code.masked());
        assertEquals(code.masked(), code.toString());
    }

    @Test
    void codesAreEqualByCanonicalValue() {
        CheckedCode code = format.parse(KNOWN_VALUE);
        CheckedCode sameTypedDifferently = format.parse("acme 0a1b2 c3d4e f5g6h j7k88");
        CheckedCode sameBodyOtherPrefix = new CheckedCodeFormat("ACMEX").parse("ACMEX-0A1B2-C3D4E-F5G6H-J7K88");

        assertEquals(code, sameTypedDifferently);
        assertEquals(code.hashCode(), sameTypedDifferently.hashCode());
        assertNotEquals(code, sameBodyOtherPrefix);
    }

    @Test
    void prefixIsStoredUpperCase() {
        assertEquals("MIKO", new CheckedCodeFormat("miko").prefix());
        assertEquals(new CheckedCodeFormat("MIKO"), new CheckedCodeFormat("miko"));
    }

    @Test
    void rejectsPrefixesThatCannotBeMatchedUnambiguously() {
        assertThrows(NullPointerException.class, () -> new CheckedCodeFormat(null));
        for (String prefix : new String[] {"", "MI-KO", "MI KO", "M\u0130KO", "\u0131"}) {
            assertThrows(IllegalArgumentException.class, () -> new CheckedCodeFormat(prefix), prefix);
        }
    }

    private void assertReason(InvalidCodeException.Reason expected, String input) {
        InvalidCodeException rejected = assertThrows(InvalidCodeException.class, () -> format.parse(input), input);
        assertEquals(expected, rejected.reason(), input);
    }
}
