package org.pbxlicensing.domain.licensev2;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An installation's Ed25519 public key, read from the SPKI PEM text the PBX sends. Signatures are
 * checked by Bouncy Castle's RFC 8032 code: every LicenseV2 poll checks one, and the JDK's provider
 * takes ten times as long.
 */
public final class InstallationKey {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int SPKI_LENGTH = ED25519_SPKI_PREFIX.length + 32;

    private final byte[] x;

    private InstallationKey(byte[] x) {
        this.x = x;
    }

    /** @throws IllegalArgumentException unless the text is the PEM of an Ed25519 SPKI public key */
    public static InstallationKey fromPem(String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("no key");
        }
        String text = pem.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw new IllegalArgumentException("not a PEM public key");
        }
        String body = text.substring(BEGIN.length(), text.length() - END.length()).replaceAll("\\s", "");
        byte[] spki;
        try {
            spki = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM body is not base64");
        }
        if (spki.length != SPKI_LENGTH
                || !Arrays.equals(spki, 0, ED25519_SPKI_PREFIX.length, ED25519_SPKI_PREFIX, 0, ED25519_SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return new InstallationKey(Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, SPKI_LENGTH));
    }

    public boolean verifies(byte[] data, byte[] signature) {
        return signature != null && signature.length == Ed25519.SIGNATURE_SIZE
                && Ed25519.verify(signature, 0, x, 0, data, 0, data.length);
    }
}
