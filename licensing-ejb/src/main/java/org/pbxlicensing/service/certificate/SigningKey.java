package org.pbxlicensing.service.certificate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.pbxlicensing.domain.crypto.Ed25519;

/** An Ed25519 key that signs certificates and tokens, named by its {@code kid}. */
public record SigningKey(String kid, KeyPair keyPair, Instant created) {

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(keyPair, "keyPair");
        Objects.requireNonNull(created, "created");
    }

    /** Rebuilds a key from its raw parts, refusing a public key that does not belong to the seed. */
    public static SigningKey fromRaw(String kid, byte[] x, byte[] d, Instant created) {
        KeyPair keyPair = new KeyPair(Ed25519.publicKey(x), Ed25519.privateKey(d));
        byte[] probe = kid.getBytes(StandardCharsets.UTF_8);
        if (!Ed25519.verify(keyPair.getPublic(), probe, Ed25519.sign(keyPair.getPrivate(), probe))) {
            throw new IllegalArgumentException("The public key of " + kid + " does not match its private key");
        }
        return new SigningKey(kid, keyPair, created);
    }

    /** A new key of the given generation, with its kid derived from the public key. */
    public static SigningKey generate(int generation, Instant created) {
        KeyPair keyPair = Ed25519.generateKeyPair();
        return new SigningKey(derivedKid(generation, Ed25519.rawPublicKey(keyPair.getPublic())), keyPair, created);
    }

    /** {@code lic-<generation>-<first 8 hex of SHA-256(x)>}: stable, and different for every key. */
    public static String derivedKid(int generation, byte[] x) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(x);
            return "lic-" + generation + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK offers no SHA-256", e);
        }
    }

    public byte[] publicKeyBytes() {
        return Ed25519.rawPublicKey(keyPair.getPublic());
    }

    public byte[] privateKeyBytes() {
        return Ed25519.rawPrivateKey(keyPair.getPrivate());
    }

    public byte[] sign(byte[] data) {
        return Ed25519.sign(keyPair, data);
    }

    /** The public half as a JWK, for the JWKS. */
    public OctetKeyPair publicJwk() {
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKeyBytes()))
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.EdDSA)
                .build();
    }

    /** Never the key material: a key may end up in a log line. */
    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", created=" + created + "]";
    }
}
