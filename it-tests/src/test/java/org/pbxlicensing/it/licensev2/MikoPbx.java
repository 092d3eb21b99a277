package org.pbxlicensing.it.licensev2;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The PBX side of LicenseV2 as MikoPBX's client plays it: its own Ed25519 key, the key's PEM exactly
 * as OpenSSL writes it, the install id derived from that text, and requests signed over the
 * base64url text of their JSON (written as PHP writes it, slashes escaped).
 */
public final class MikoPbx {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final String pem;
    private final String installId;
    private final String key;
    private final List<String> fingerprint;
    private long seq;
    private String held;

    public MikoPbx(String registrationNumber, List<String> fingerprint) {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        installId = HexFormat.of().formatHex(sha256(pem)).substring(0, 32);
        this.key = registrationNumber;
        this.fingerprint = List.copyOf(fingerprint);
    }

    public MikoPbx(String registrationNumber) {
        this(registrationNumber, List.of(randomHex(8), randomHex(8)));
    }

    public String installId() {
        return installId;
    }

    /** The hardware hashes this PBX computes for its host (what its requests carry as fingerprint). */
    public List<String> hardware() {
        return fingerprint;
    }

    public String hostId() {
        return "v2:" + installId;
    }

    public String pem() {
        return pem;
    }

    /** The next live poll, with its seq one above the last. */
    public SignedRequest poll() {
        return poll(request -> { });
    }

    /** The next live poll, with fields added or replaced by {@code change} (usage, holders, …). */
    public SignedRequest poll(Consumer<JsonObjectBuilder> change) {
        JsonObjectBuilder request = common("online").add("seq", ++seq)
                .add("v1Machine", Json.createObjectBuilder()
                        .add("hostname", "pbx-" + installId.substring(0, 6))
                        .add("cpuid", "GenuineIntel/" + installId.substring(0, 4))
                        .add("network", "eth0/10.0.0.2"));
        change.accept(request);
        return sign(request);
    }

    /** A request file for the offline exchange (no seq, no v1Machine). */
    public SignedRequest offlineRequest() {
        return sign(common("offline"));
    }

    /** The same request file written again: same nonce, other bytes. */
    public SignedRequest offlineRequest(String nonce) {
        return sign(common("offline").add("nonce", nonce).add("ts", Instant.now().getEpochSecond() + 1));
    }

    /** What the client does after a {@code 409 replay}: jump its counter. */
    public void jumpSeq(long by) {
        seq += by;
    }

    /** The PBX now runs on the token answering this request. */
    public void hold(SignedRequest request) {
        held = request.nonce();
    }

    public SignedRequest sign(JsonObjectBuilder requestObject) {
        var built = requestObject.build();
        String json = built.toString().replace("/", "\\/");
        String request = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(signature(request));
        String body = Json.createObjectBuilder().add("request", request).add("sig", sig).build().toString();
        return new SignedRequest(built.getString("nonce"), request, sig, body.getBytes(StandardCharsets.UTF_8));
    }

    private JsonObjectBuilder common(String purpose) {
        JsonArrayBuilder hashes = Json.createArrayBuilder();
        fingerprint.forEach(hashes::add);
        JsonObjectBuilder request = Json.createObjectBuilder()
                .add("v", 2)
                .add("purpose", purpose)
                .add("install", installId)
                .add("pubkey", pem)
                .add("key", key)
                .add("nonce", randomHex(16))
                .add("ts", Instant.now().getEpochSecond())
                .add("app", Json.createObjectBuilder().add("id", "mikopbx").add("version", "2026.1.1"))
                .add("environment", "vm")
                .add("fingerprint", hashes);
        if (held != null) {
            request.add("held", held);
        }
        return request;
    }

    private byte[] signature(String request) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(request.getBytes(StandardCharsets.US_ASCII));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed request: its nonce, its two parts as sent, and the body they make. */
    public record SignedRequest(String nonce, String request, String sig, byte[] body) {

        /** The same request with another signature part. */
        public byte[] bodyWithSig(String otherSig) {
            return Json.createObjectBuilder().add("request", request).add("sig", otherSig).build().toString()
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
