package org.pbxlicensing.it.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.RestAssured;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Checks certificates the way a PBX does: against the keys of {@code GET /api/v1/keys}, with the
 * JDK's Ed25519. Only the signature is checked; what the claims say is for the test to assert.
 */
public final class Certificates {

    public static final String KEYS_URL = ServerUnderTest.BASE_URL + "/api/v1/keys";

    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Certificates() {
    }

    /** The published keys, fetched now. */
    public static JWKSet keys() {
        String json = RestAssured.given().get(KEYS_URL).then().statusCode(200).extract().asString();
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new AssertionError("GET /api/v1/keys is not a JWKS: " + json, e);
        }
    }

    /**
     * The claims of a certificate signed with a published key.
     *
     * @throws AssertionError when the kid is not published, the algorithm is not EdDSA or the
     *     signature does not verify
     */
    public static JWTClaimsSet verify(String jws) {
        return verify(jws, keys());
    }

    /** Whether the certificate verifies; a server that does not publish its keys still fails the test. */
    public static boolean isValid(String jws) {
        JWKSet keys = keys();
        try {
            verify(jws, keys);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static JWTClaimsSet verify(String jws, JWKSet keys) {
        SignedJWT jwt = parse(jws);
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new AssertionError("The certificate's alg is " + header.getAlgorithm() + ", not EdDSA");
        }
        JWK key = keys.getKeyByKeyId(header.getKeyID());
        if (key == null) {
            throw new AssertionError("The certificate's kid " + header.getKeyID() + " is not in GET /api/v1/keys");
        }
        if (!(key instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
            throw new AssertionError("The published key " + header.getKeyID() + " is not an Ed25519 key");
        }
        if (!signatureVerifies(okp, jwt)) {
            throw new AssertionError("The certificate's signature does not verify with key " + header.getKeyID());
        }
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError("The certificate's payload is not a JWT claims set", e);
        }
    }

    private static SignedJWT parse(String jws) {
        if (jws == null) {
            throw new AssertionError("No certificate");
        }
        try {
            return SignedJWT.parse(jws);
        } catch (ParseException e) {
            throw new AssertionError("Not a JWS compact serialisation: " + jws, e);
        }
    }

    private static boolean signatureVerifies(OctetKeyPair key, SignedJWT jwt) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey(key.getDecodedX()));
            signature.update(jwt.getSigningInput());
            return signature.verify(jwt.getSignature().decode());
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new AssertionError("The published key " + key.getKeyID() + " is unusable", e);
        }
    }

    private static PublicKey publicKey(byte[] x) throws GeneralSecurityException {
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + x.length);
        System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, x.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }
}
