package org.pbxlicensing.domain.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DammCheck32Test {

    private static final int ORDER = DammCheck32.ORDER;

    @Test
    void operationIsAQuasigroup() {
        for (int fixed = 0; fixed < ORDER; fixed++) {
            boolean[] inRow = new boolean[ORDER];
            boolean[] inColumn = new boolean[ORDER];
            for (int varying = 0; varying < ORDER; varying++) {
                int rowEntry = DammCheck32.operate(fixed, varying);
                int columnEntry = DammCheck32.operate(varying, fixed);
                assertFalse(inRow[rowEntry], "row " + fixed + " repeats " + rowEntry);
                assertFalse(inColumn[columnEntry], "column " + fixed + " repeats " + columnEntry);
                inRow[rowEntry] = true;
                inColumn[columnEntry] = true;
            }
        }
    }

    @Test
    void operationIsTotallyAntiSymmetric() {
        for (int c = 0; c < ORDER; c++) {
            for (int x = 0; x < ORDER; x++) {
                for (int y = 0; y < ORDER; y++) {
                    if (x != y) {
                        assertTrue(
                                DammCheck32.operate(DammCheck32.operate(c, x), y)
                                        != DammCheck32.operate(DammCheck32.operate(c, y), x),
                                "(c∘x)∘y = (c∘y)∘x for c=%d x=%d y=%d".formatted(c, x, y));
                    }
                }
            }
        }
    }

    @Test
    void operationIsWeaklyTotallyAntiSymmetric() {
        for (int x = 0; x < ORDER; x++) {
            for (int y = 0; y < ORDER; y++) {
                if (x != y) {
                    assertTrue(DammCheck32.operate(x, y) != DammCheck32.operate(y, x), "x=%d y=%d".formatted(x, y));
                }
            }
        }
    }

    @Test
    void checkSymbolIsTheOnlySymbolThatMakesTheSequenceValid() {
        for (String payload : randomPayloads(200)) {
            char check = DammCheck32.checkSymbol(payload);
            for (char candidate : CrockfordAlphabet.SYMBOLS.toCharArray()) {
                assertEquals(candidate == check, DammCheck32.isValid(payload + candidate), payload + candidate);
            }
        }
    }

    @Test
    void checkSymbolsStayTheSame() {
        // Issued codes must keep validating; these were cross-checked with an independent implementation.
        assertEquals('0', DammCheck32.checkSymbol("0000000000000000000"));
        assertEquals('T', DammCheck32.checkSymbol("0123456789ABCDEFGHJ"));
        assertEquals('G', DammCheck32.checkSymbol("01ABC01XYZ10KMNPQRS"));
        assertEquals('8', DammCheck32.checkSymbol("0A1B2C3D4EF5G6HJ7K8"));
    }

    @Test
    void detectsEverySingleSymbolSubstitution() {
        for (String payload : randomPayloads(500)) {
            String valid = payload + DammCheck32.checkSymbol(payload);
            for (int position = 0; position < valid.length(); position++) {
                for (char substitute : CrockfordAlphabet.SYMBOLS.toCharArray()) {
                    if (substitute != valid.charAt(position)) {
                        String mistyped = replace(valid, position, substitute);
                        assertFalse(DammCheck32.isValid(mistyped), valid + " -> " + mistyped);
                    }
                }
            }
        }
    }

    @Test
    void detectsEveryAdjacentTransposition() {
        for (String payload : randomPayloads(2000)) {
            String valid = payload + DammCheck32.checkSymbol(payload);
            for (int position = 0; position + 1 < valid.length(); position++) {
                if (valid.charAt(position) != valid.charAt(position + 1)) {
                    String swapped = swapWithNext(valid, position);
                    assertFalse(DammCheck32.isValid(swapped), valid + " -> " + swapped);
                }
            }
        }
    }

    @Test
    void detectsEveryAdjacentTranspositionOfEverySymbolPairAtEveryInterim() {
        // Exhaustive over what a transposition can meet: the interim value before it and the two symbols.
        for (int interim = 0; interim < ORDER; interim++) {
            // 0 ∘ s = s, so this single symbol leaves the interim value at 'interim'.
            String prefixReachingInterim = String.valueOf(CrockfordAlphabet.symbolOf(interim));
            for (int x = 0; x < ORDER; x++) {
                for (int y = 0; y < ORDER; y++) {
                    if (x == y) {
                        continue;
                    }
                    char first = CrockfordAlphabet.symbolOf(x);
                    char second = CrockfordAlphabet.symbolOf(y);
                    String payload = prefixReachingInterim + first + second;
                    String valid = payload + DammCheck32.checkSymbol(payload);
                    String swapped = prefixReachingInterim + second + first + valid.charAt(valid.length() - 1);
                    assertFalse(DammCheck32.isValid(swapped), valid + " -> " + swapped);
                }
            }
        }
    }

    @Test
    void rejectsArgumentsOutsideTheQuasigroup() {
        assertThrows(IllegalArgumentException.class, () -> DammCheck32.operate(32, 0));
        assertThrows(IllegalArgumentException.class, () -> DammCheck32.operate(0, -1));
        assertThrows(IllegalArgumentException.class, () -> DammCheck32.checkSymbol("ABCU"));
        assertThrows(IllegalArgumentException.class, () -> DammCheck32.isValid("abc"));
    }

    private static List<String> randomPayloads(int count) {
        SplittableRandom random = new SplittableRandom(20240601L);
        List<String> payloads = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            StringBuilder payload = new StringBuilder();
            for (int i = 0; i < CheckedCodeFormat.PAYLOAD_LENGTH; i++) {
                payload.append(CrockfordAlphabet.symbolOf(random.nextInt(ORDER)));
            }
            payloads.add(payload.toString());
        }
        return payloads;
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
