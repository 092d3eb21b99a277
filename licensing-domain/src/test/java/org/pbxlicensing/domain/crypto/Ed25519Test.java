package org.pbxlicensing.domain.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519Test {

    private static final HexFormat HEX = HexFormat.of();

    // RFC 8032, section 7.1, test 2.
    private static final byte[] RFC_SEED = HEX.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
    private static final byte[] RFC_PUBLIC = HEX.parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    private static final byte[] RFC_MESSAGE = HEX.parseHex("72");
    private static final byte[] RFC_SIGNATURE = HEX.parseHex(
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                    + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");

    @Test
    void rawKeysSurviveTheRoundTripThroughJdkKeys() {
        KeyPair pair = Ed25519.generateKeyPair();
        byte[] x = Ed25519.rawPublicKey(pair.getPublic());
        byte[] d = Ed25519.rawPrivateKey(pair.getPrivate());

        assertEquals(32, x.length);
        assertEquals(32, d.length);
        assertArrayEquals(x, Ed25519.rawPublicKey(Ed25519.publicKey(x)));
        assertArrayEquals(d, Ed25519.rawPrivateKey(Ed25519.privateKey(d)));
        assertArrayEquals(pair.getPublic().getEncoded(), Ed25519.publicKey(x).getEncoded());
    }

    @Test
    void rebuiltKeysMatchTheKnownAnswerOfRfc8032() {
        PrivateKey privateKey = Ed25519.privateKey(RFC_SEED);
        PublicKey publicKey = Ed25519.publicKey(RFC_PUBLIC);

        assertArrayEquals(RFC_SIGNATURE, Ed25519.sign(privateKey, RFC_MESSAGE));
        assertTrue(Ed25519.verify(publicKey, RFC_MESSAGE, RFC_SIGNATURE));
    }

    @Test
    void aSignatureVerifiesOnlyForItsDataAndKey() {
        KeyPair pair = Ed25519.generateKeyPair();
        byte[] data = "eyJzdWIiOiJNSUtPIn0".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Ed25519.sign(pair.getPrivate(), data);

        assertEquals(64, signature.length);
        assertTrue(Ed25519.verify(pair.getPublic(), data, signature));
        assertFalse(Ed25519.verify(pair.getPublic(), "eyJzdWIiOiJNSUtQIn0".getBytes(StandardCharsets.US_ASCII), signature));
        assertFalse(Ed25519.verify(Ed25519.generateKeyPair().getPublic(), data, signature));
    }

    @Test
    void aDamagedSignatureDoesNotVerify() {
        KeyPair pair = Ed25519.generateKeyPair();
        byte[] data = {1, 2, 3};
        byte[] signature = Ed25519.sign(pair.getPrivate(), data);
        signature[10] ^= 1;

        assertFalse(Ed25519.verify(pair.getPublic(), data, signature));
        assertFalse(Ed25519.verify(pair.getPublic(), data, new byte[12]));
    }

    @Test
    void keysOfTheWrongLengthAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Ed25519.publicKey(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> Ed25519.privateKey(new byte[33]));
    }

    @Test
    void rawKeysSignAndVerifyAsTheJdkKeysDo() {
        byte[] spki = Ed25519.publicKey(RFC_PUBLIC).getEncoded();

        assertArrayEquals(RFC_PUBLIC, Ed25519.rawPublicKey(spki));
        assertArrayEquals(RFC_SIGNATURE, Ed25519.sign(RFC_SEED, RFC_PUBLIC, RFC_MESSAGE));
        assertTrue(Ed25519.verify(RFC_PUBLIC, RFC_MESSAGE, RFC_SIGNATURE));
        assertFalse(Ed25519.verify(RFC_PUBLIC, RFC_MESSAGE, null));
    }

    @Test
    void anotherKindOfPublicKeyIsRefused() throws Exception {
        byte[] rsa = java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded();

        assertThrows(IllegalArgumentException.class, () -> Ed25519.rawPublicKey(rsa));
        assertThrows(IllegalArgumentException.class, () -> Ed25519.rawPublicKey(new byte[44]));
    }
}
