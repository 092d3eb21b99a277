package org.pbxlicensing.perf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.pbxlicensing.domain.crypto.Ed25519;
import org.pbxlicensing.domain.json.JsonBuilders;
import org.pbxlicensing.domain.licensev2.InstallId;

/**
 * A MikoPBX installation as its LicenseV2 client behaves (LICENSEV2.md): its own Ed25519 key, the
 * install id derived from the key's PEM, each online request signed over the base64url text of its
 * JSON with a {@code seq} one above the last. Used by one worker at a time. It signs as the server
 * does ({@link Ed25519}): the JDK's provider, at some 700 µs a signature, took CPU the server
 * needed on the same cores.
 */
final class V2Installation {

    private final byte[] secretKey;
    private final byte[] publicKey;
    private final String pem;
    private final String installId;
    private final String registrationNumber;
    private final String[] fingerprint;
    private long seq;

    /** A new installation with a key of its own, its first poll still to come. */
    V2Installation(String registrationNumber) {
        this(registrationNumber, Ed25519.rawPrivateKey(Ed25519.generateKeyPair().getPrivate()), 0);
    }

    /**
     * The installation of a private seed, whose next poll carries a {@code seq} above {@code lastSeq}.
     * The seed's installation has the same id and PEM every time, so a seeded fleet can be polled again.
     */
    V2Installation(String registrationNumber, byte[] seed, long lastSeq) {
        secretKey = seed;
        publicKey = Ed25519.rawPublicKeyOf(seed);
        pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString(Ed25519.encodedPublicKey(publicKey))
                + "\n-----END PUBLIC KEY-----\n";
        installId = InstallId.of(pem);
        this.registrationNumber = registrationNumber;
        this.fingerprint = new String[] {installId.substring(0, 16), installId.substring(16)};
        this.seq = lastSeq;
    }

    String installId() {
        return installId;
    }

    String pem() {
        return pem;
    }

    /** The fingerprint the polls report, as the server stores it. */
    String fingerprint() {
        return String.join(",", fingerprint);
    }

    /** The body of the next online poll. */
    byte[] nextPoll() {
        String json = JsonBuilders.object()
                .add("v", 2)
                .add("purpose", "online")
                .add("install", installId)
                .add("pubkey", pem)
                .add("key", registrationNumber)
                .add("nonce", randomHex(16))
                .add("ts", Instant.now().getEpochSecond())
                .add("app", JsonBuilders.object().add("id", "mikopbx").add("version", "2026.1.1"))
                .add("environment", "vm")
                .add("fingerprint", JsonBuilders.array(List.of(fingerprint)))
                .add("seq", ++seq)
                .add("v1Machine", JsonBuilders.object()
                        .add("hostname", "pbx-" + installId.substring(0, 6))
                        .add("cpuid", "GenuineIntel/" + installId.substring(0, 4))
                        .add("network", "eth0/10.0.0.2"))
                .build().toString()
                // As PHP's json_encode writes it, which is what the signature covers.
                .replace("/", "\\/");
        String request = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(sign(request));
        return JsonBuilders.object().add("request", request).add("sig", sig).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sign(String request) {
        return Ed25519.sign(secretKey, publicKey, request.getBytes(StandardCharsets.US_ASCII));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
