package org.pbxlicensing.domain.licensev2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Base64UrlTest {

    @Test
    void writesTheUrlAlphabetWithoutPadding() {
        assertEquals("-_8", Base64Url.encode(new byte[] {(byte) 0xfb, (byte) 0xff}));
        assertEquals("YQ", Base64Url.encode("a".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void readsWithOrWithoutPadding() {
        assertArrayEquals("a".getBytes(StandardCharsets.US_ASCII), Base64Url.decode("YQ"));
        assertArrayEquals("a".getBytes(StandardCharsets.US_ASCII), Base64Url.decode("YQ=="));
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, Base64Url.decode("-_8="));
    }

    @Test
    void refusesTheStandardAlphabetAndImpossibleLengths() {
        assertThrows(IllegalArgumentException.class, () -> Base64Url.decode("+/8"));
        assertThrows(IllegalArgumentException.class, () -> Base64Url.decode("YQ=a"));
        assertThrows(IllegalArgumentException.class, () -> Base64Url.decode("Y"));
        assertThrows(IllegalArgumentException.class, () -> Base64Url.decode("Y Q"));
        assertThrows(IllegalArgumentException.class, () -> Base64Url.decode(null));
    }
}
