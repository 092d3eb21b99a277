package org.pbxlicensing.service.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    private static final Instant CREATED = Instant.parse("2026-01-15T08:00:00Z");

    @Test
    void kidNamesTheGenerationAndAHashOfThePublicKey() {
        byte[] x = HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

        String kid = SigningKey.derivedKid(3, x);

        assertTrue(kid.matches("lic-3-[0-9a-f]{8}"), kid);
        assertEquals(kid, SigningKey.derivedKid(3, x.clone()));
        assertNotEquals(kid.substring(6), SigningKey.derivedKid(3, new byte[32]).substring(6));
    }

    @Test
    void aGeneratedKeyCarriesTheKidOfItsGenerationAndPublicKey() {
        SigningKey key = SigningKey.generate(2, CREATED);

        assertEquals(SigningKey.derivedKid(2, key.publicKeyBytes()), key.kid());
        assertEquals(CREATED, key.created());
    }

    @Test
    void aKeyRebuiltFromItsRawPartsSignsLikeTheOriginal() {
        SigningKey original = SigningKey.generate(1, CREATED);

        SigningKey rebuilt = SigningKey.fromRaw(original.kid(), original.publicKeyBytes(), original.privateKeyBytes(), CREATED);

        byte[] data = {42};
        assertArrayEquals(original.sign(data), rebuilt.sign(data));
    }

    @Test
    void aPublicKeyOfAnotherPairIsRefused() {
        SigningKey one = SigningKey.generate(1, CREATED);
        SigningKey other = SigningKey.generate(1, CREATED);

        assertThrows(IllegalArgumentException.class,
                () -> SigningKey.fromRaw("k", other.publicKeyBytes(), one.privateKeyBytes(), CREATED));
    }

    @Test
    void thePublicJwkIsAnEd25519SigningKeyWithoutItsPrivatePart() {
        SigningKey key = SigningKey.generate(1, CREATED);

        OctetKeyPair jwk = key.publicJwk();

        assertEquals(Curve.Ed25519, jwk.getCurve());
        assertEquals(key.kid(), jwk.getKeyID());
        assertEquals(KeyUse.SIGNATURE, jwk.getKeyUse());
        assertEquals(JWSAlgorithm.EdDSA, jwk.getAlgorithm());
        assertArrayEquals(key.publicKeyBytes(), jwk.getDecodedX());
        assertFalse(jwk.isPrivate());
        assertNull(jwk.getD());
    }

    @Test
    void theTextOfAKeyShowsNoKeyMaterial() {
        SigningKey key = SigningKey.generate(1, CREATED);

        String text = key.toString();

        assertTrue(text.contains(key.kid()));
        assertFalse(text.contains(Base64URL.encode(key.privateKeyBytes()).toString()));
        assertFalse(text.contains(HexFormat.of().formatHex(key.privateKeyBytes())));
    }
}
