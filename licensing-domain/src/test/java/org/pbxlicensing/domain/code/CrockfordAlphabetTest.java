package org.pbxlicensing.domain.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrockfordAlphabetTest {

    @Test
    void hasThirtyTwoDistinctSymbolsWithoutLookAlikeLetters() {
        Set<Character> symbols = new HashSet<>();
        for (char symbol : CrockfordAlphabet.SYMBOLS.toCharArray()) {
            symbols.add(symbol);
        }
        assertEquals(32, CrockfordAlphabet.SIZE);
        assertEquals(32, symbols.size());
        for (char excluded : "ILOU".toCharArray()) {
            assertFalse(symbols.contains(excluded), "alphabet contains " + excluded);
        }
    }

    @Test
    void symbolsAndValuesMapOneToOne() {
        for (int value = 0; value < CrockfordAlphabet.SIZE; value++) {
            char symbol = CrockfordAlphabet.symbolOf(value);
            assertTrue(CrockfordAlphabet.isSymbol(symbol));
            assertEquals(value, CrockfordAlphabet.valueOf(symbol));
        }
    }

    @Test
    void onlyCanonicalSymbolsAreSymbols() {
        for (char notSymbol : "abcILOU-* \u0131\u00C4".toCharArray()) {
            assertFalse(CrockfordAlphabet.isSymbol(notSymbol), "accepted " + notSymbol);
            assertThrows(IllegalArgumentException.class, () -> CrockfordAlphabet.valueOf(notSymbol));
        }
    }

    @Test
    void rejectsValuesOutsideTheAlphabet() {
        assertThrows(IllegalArgumentException.class, () -> CrockfordAlphabet.symbolOf(-1));
        assertThrows(IllegalArgumentException.class, () -> CrockfordAlphabet.symbolOf(32));
    }

    @Test
    void normalizeUpperCasesDropsSpacesAndDashesAndMapsLookAlikes() {
        assertEquals("ABZ00111", CrockfordAlphabet.normalize(" ab-z\u00A0o O\ti-L\u2013l\n"));
    }

    @Test
    void normalizeKeepsCharactersThatAreNoSymbolsSoTheyCanBeRejected() {
        assertEquals("U*\u00C4\u0131", CrockfordAlphabet.normalize("u*\u00C4\u0131"));
    }
}
