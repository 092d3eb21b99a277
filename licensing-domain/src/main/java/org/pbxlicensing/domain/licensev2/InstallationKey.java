package org.pbxlicensing.domain.licensev2;

import java.util.Base64;
import org.pbxlicensing.domain.crypto.Ed25519;

/** An installation's Ed25519 public key, read from the SPKI PEM text the PBX sends. */
public final class InstallationKey {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

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
        return new InstallationKey(Ed25519.rawPublicKey(spki));
    }

    public boolean verifies(byte[] data, byte[] signature) {
        return Ed25519.verify(x, data, signature);
    }
}
