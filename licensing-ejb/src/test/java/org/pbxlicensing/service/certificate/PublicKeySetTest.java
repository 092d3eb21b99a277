package org.pbxlicensing.service.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicKeySetTest {

    private final SigningKey current = SigningKey.generate(2, Instant.parse("2026-03-01T00:00:00Z"));
    private final SigningKey previous = SigningKey.generate(1, Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void listsTheCurrentKeyFirstThenThePreviousOne() throws Exception {
        JWKSet set = JWKSet.parse(PublicKeySet.json(List.of(current, previous)));

        assertEquals(List.of(current.kid(), previous.kid()), set.getKeys().stream().map(JWK::getKeyID).toList());
    }

    @Test
    void eachKeyIsAPublicOkpEd25519SigningKey() throws Exception {
        Map<String, Object> json = JSONObjectUtils.parse(PublicKeySet.json(List.of(current, previous)));

        List<Map<String, Object>> keys = List.of(JSONObjectUtils.getJSONObjectArray(json, "keys"));
        assertEquals(2, keys.size());
        for (Map<String, Object> key : keys) {
            assertEquals("OKP", key.get("kty"));
            assertEquals("Ed25519", key.get("crv"));
            assertEquals("sig", key.get("use"));
            assertEquals("EdDSA", key.get("alg"));
            assertTrue(key.get("kid") instanceof String);
            assertTrue(key.get("x") instanceof String);
            assertFalse(key.containsKey("d"), "a private part was published");
        }
    }

    @Test
    void theJsonNeverContainsAPrivateSeed() {
        String json = PublicKeySet.json(List.of(current, previous));

        assertFalse(json.contains("\"d\""));
        assertFalse(json.contains(Base64URL.encode(current.privateKeyBytes()).toString()));
        assertFalse(json.contains(Base64URL.encode(previous.privateKeyBytes()).toString()));
    }
}
