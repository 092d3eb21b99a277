package org.pbxlicensing.domain.licensev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InstallIdTest {

    private static final String PEM = "-----BEGIN PUBLIC KEY-----\n"
            + "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
            + "-----END PUBLIC KEY-----\n";

    @Test
    void isThirtyTwoLowercaseHex() {
        assertEquals(32, InstallId.of(PEM).length());
        assertTrue(InstallId.isWellFormed(InstallId.of(PEM)));
    }

    @Test
    void everyByteOfThePemCounts() {
        assertNotEquals(InstallId.of(PEM), InstallId.of(PEM.strip()));
        assertNotEquals(InstallId.of(PEM), InstallId.of(PEM.replace("\n", "\r\n")));
    }

    @Test
    void isTheStartOfSha256OverTheText() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertEquals("ba7816bf8f01cfea414140de5dae2223", InstallId.of("abc"));
    }

    @Test
    void installationsBindAsPrefixedHosts() {
        assertEquals("v2:ba7816bf8f01cfea414140de5dae2223", InstallId.hostId(InstallId.of("abc")));
        assertFalse(InstallId.isWellFormed("BA7816BF8F01CFEA414140DE5DAE2223"));
    }
}
