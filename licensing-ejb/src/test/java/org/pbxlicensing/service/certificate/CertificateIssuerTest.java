package org.pbxlicensing.service.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.crypto.Ed25519;

class CertificateIssuerTest {

    private static final Instant ISSUED = Instant.parse("2026-06-01T12:00:00.123456Z");
    private static final Instant VALID_UNTIL = Instant.parse("2026-06-08T12:00:00.123456Z");
    private static final CertificateClaims CLAIMS = new CertificateClaims("MIKO-0A1B2-C3D4E-F5G6H-J7K8M", "host-1",
            List.of(new CertifiedFeature(33, "TERM", Instant.parse("2026-12-27T10:15:00Z")),
                    new CertifiedFeature(34, "PERPETUAL", null),
                    new CertifiedFeature(31, "TRIAL", Instant.parse("2026-07-01T12:00:00.654321Z"))),
            ISSUED, VALID_UNTIL);

    private final SigningKey current = SigningKey.generate(2, Instant.parse("2026-03-01T00:00:00Z"));
    private final SigningKey previous = SigningKey.generate(1, Instant.parse("2026-01-01T00:00:00Z"));
    private final CertificateIssuer issuer = issuer(current, previous);

    @Test
    void theCertificateIsAnEdDsaJwtNamingTheCurrentKey() throws Exception {
        JWSObject jws = JWSObject.parse(issuer.issue(CLAIMS));

        assertEquals(JWSAlgorithm.EdDSA, jws.getHeader().getAlgorithm());
        assertEquals(current.kid(), jws.getHeader().getKeyID());
        assertEquals(JOSEObjectType.JWT, jws.getHeader().getType());
        assertEquals(current.kid(), issuer.currentKid());
    }

    @Test
    void theCertificateVerifiesWithTheKeyPublishedInTheJwks() throws Exception {
        String certificate = issuer.issue(CLAIMS);

        assertTrue(verifiesWithPublishedKey(certificate, issuer.jwksJson()));
    }

    @Test
    void aCertificateWithAnAlteredClaimDoesNotVerify() throws Exception {
        String[] parts = issuer.issue(CLAIMS).split("\\.");
        Map<String, Object> payload = JSONObjectUtils.parse(new Base64URL(parts[1]).decodeToString());
        payload.put("host", "host-2");
        String forged = parts[0] + "." + Base64URL.encode(JSONObjectUtils.toJSONString(payload)) + "." + parts[2];

        assertFalse(verifiesWithPublishedKey(forged, issuer.jwksJson()));
    }

    @Test
    void theClaimsHaveTheNamesAndTypesOfTheContract() throws Exception {
        Map<String, Object> payload = JSONObjectUtils.parse(JWSObject.parse(issuer.issue(CLAIMS)).getPayload().toString());

        assertEquals(Set.of("iss", "sub", "host", "features", "iat", "exp"), payload.keySet());
        assertEquals("pbx-licensing", payload.get("iss"));
        assertEquals("MIKO-0A1B2-C3D4E-F5G6H-J7K8M", payload.get("sub"));
        assertEquals("host-1", payload.get("host"));
        assertEquals(ISSUED.getEpochSecond(), assertInstanceOf(Long.class, payload.get("iat")));
        assertEquals(VALID_UNTIL.getEpochSecond(), assertInstanceOf(Long.class, payload.get("exp")));

        List<Object> features = JSONObjectUtils.getJSONArray(payload, "features");
        assertEquals(3, features.size());
        Map<?, ?> term = assertInstanceOf(Map.class, features.get(0));
        assertEquals(33L, term.get("number"));
        assertEquals("TERM", term.get("kind"));
        assertEquals("2026-12-27T10:15:00Z", term.get("expiresAt"));
        Map<?, ?> perpetual = assertInstanceOf(Map.class, features.get(1));
        assertEquals(34L, perpetual.get("number"));
        assertEquals("PERPETUAL", perpetual.get("kind"));
        assertTrue(perpetual.containsKey("expiresAt"), "a perpetual license has an explicit null expiresAt");
        assertNull(perpetual.get("expiresAt"));
        Map<?, ?> trial = assertInstanceOf(Map.class, features.get(2));
        assertEquals(Instant.parse("2026-07-01T12:00:00.654321Z"), Instant.parse((String) trial.get("expiresAt")));
    }

    @Test
    void theJwksPublishesTheCurrentKeyThenThePreviousOneWithoutPrivateParts() throws Exception {
        String jwks = issuer.jwksJson();

        JWKSet set = JWKSet.parse(jwks);
        assertEquals(List.of(current.kid(), previous.kid()), set.getKeys().stream().map(k -> k.getKeyID()).toList());
        assertTrue(set.getKeys().stream().noneMatch(k -> k.isPrivate()));
        assertFalse(jwks.contains("\"d\""));
    }

    @Test
    void theLowLevelSignatureVerifiesWithTheCurrentPublicKey() {
        byte[] firstPart = Base64URL.encode("{\"v\":2}").toString().getBytes(StandardCharsets.US_ASCII);

        byte[] signature = issuer.signWithCurrentKey(firstPart);

        assertTrue(Ed25519.verify(current.keyPair().getPublic(), firstPart, signature));
        assertArrayEquals(current.sign(firstPart), signature);
    }

    private static boolean verifiesWithPublishedKey(String certificate, String jwks) throws Exception {
        JWSObject jws = JWSObject.parse(certificate);
        OctetKeyPair jwk = (OctetKeyPair) JWKSet.parse(jwks).getKeyByKeyId(jws.getHeader().getKeyID());
        PublicKey publicKey = Ed25519.publicKey(jwk.getDecodedX());
        return Ed25519.verify(publicKey, jws.getSigningInput(), jws.getSignature().decode());
    }

    private static CertificateIssuer issuer(SigningKey current, SigningKey previous) {
        CertificateIssuer issuer = new CertificateIssuer();
        issuer.signing = new CertificateSigning();
        issuer.signing.issuer = "pbx-licensing";
        issuer.keys = new SigningKeyRing() {
            @Override
            public SigningKey current() {
                return current;
            }

            @Override
            public Optional<SigningKey> previous() {
                return Optional.of(previous);
            }
        };
        issuer.takeCurrentKey();
        return issuer;
    }
}
