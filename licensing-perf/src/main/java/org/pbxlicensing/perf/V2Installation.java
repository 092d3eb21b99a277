package org.pbxlicensing.perf;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A MikoPBX installation as its LicenseV2 client behaves (LICENSEV2.md): its own Ed25519 key, the
 * install id derived from the key's PEM, each online request signed over the base64url text of its
 * JSON with a {@code seq} one above the last. Used by one worker at a time.
 */
final class V2Installation {

    private final KeyPair keys;
    private final String pem;
    private final String installId;
    private final String registrationNumber;
    private final String[] fingerprint;
    private long seq;

    V2Installation(String registrationNumber) {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            installId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(pem.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.registrationNumber = registrationNumber;
        this.fingerprint = new String[] {randomHex(8), randomHex(8)};
    }

    /** The body of the next online poll. */
    byte[] nextPoll() {
        var hashes = Json.createArrayBuilder();
        for (String hash : fingerprint) {
            hashes.add(hash);
        }
        String json = Json.createObjectBuilder()
                .add("v", 2)
                .add("purpose", "online")
                .add("install", installId)
                .add("pubkey", pem)
                .add("key", registrationNumber)
                .add("nonce", randomHex(16))
                .add("ts", Instant.now().getEpochSecond())
                .add("app", Json.createObjectBuilder().add("id", "mikopbx").add("version", "2026.1.1"))
                .add("environment", "vm")
                .add("fingerprint", hashes)
                .add("seq", ++seq)
                .add("v1Machine", Json.createObjectBuilder()
                        .add("hostname", "pbx-" + installId.substring(0, 6))
                        .add("cpuid", "GenuineIntel/" + installId.substring(0, 4))
                        .add("network", "eth0/10.0.0.2"))
                .build().toString()
                // As PHP's json_encode writes it, which is what the signature covers.
                .replace("/", "\\/");
        String request = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(sign(request));
        return Json.createObjectBuilder().add("request", request).add("sig", sig).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sign(String request) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(request.getBytes(StandardCharsets.US_ASCII));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
