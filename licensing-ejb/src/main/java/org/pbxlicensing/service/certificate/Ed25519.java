package org.pbxlicensing.service.certificate;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 with the JDK's own provider. Keys travel as their raw 32 bytes (JWK {@code x} and
 * {@code d}); the JDK wants them wrapped in the fixed DER prefixes of RFC 8410.
 */
public final class Ed25519 {

    public static final String ALGORITHM = "Ed25519";
    public static final int KEY_LENGTH = 32;

    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519() {
    }

    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no Ed25519", e);
        }
    }

    /** The JDK public key of a raw 32-byte public key (x). */
    public static PublicKey publicKey(byte[] x) {
        try {
            return keyFactory().generatePublic(new X509EncodedKeySpec(withPrefix(SPKI_PREFIX, x)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key", e);
        }
    }

    /** The JDK private key of a raw 32-byte private seed (d). */
    public static PrivateKey privateKey(byte[] d) {
        try {
            return keyFactory().generatePrivate(new PKCS8EncodedKeySpec(withPrefix(PKCS8_PREFIX, d)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 private key", e);
        }
    }

    /** The raw 32-byte public key (x). */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki == null || spki.length != SPKI_PREFIX.length + KEY_LENGTH
                || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("Not an Ed25519 public key");
        }
        return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
    }

    /** The raw 32-byte private seed (d). */
    public static byte[] rawPrivateKey(PrivateKey key) {
        if (key instanceof EdECPrivateKey edKey && ALGORITHM.equalsIgnoreCase(edKey.getParams().getName())) {
            return edKey.getBytes().orElseThrow(() -> new IllegalArgumentException("The private key hides its seed"));
        }
        throw new IllegalArgumentException("Not an Ed25519 private key");
    }

    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 verification failed", e);
        }
    }

    private static KeyFactory keyFactory() throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM);
    }

    private static byte[] withPrefix(byte[] prefix, byte[] raw) {
        if (raw == null || raw.length != KEY_LENGTH) {
            throw new IllegalArgumentException("An Ed25519 key has " + KEY_LENGTH + " bytes");
        }
        byte[] encoded = Arrays.copyOf(prefix, prefix.length + KEY_LENGTH);
        System.arraycopy(raw, 0, encoded, prefix.length, KEY_LENGTH);
        return encoded;
    }
}
