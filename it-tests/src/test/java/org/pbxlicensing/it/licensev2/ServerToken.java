package org.pbxlicensing.it.licensev2;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A token or refusal as the PBX accepts it: signed by the pinned key its {@code kid} names, for this
 * installation and this request's nonce, issued no later than 300 s ahead of the PBX's clock, and
 * (a token) not yet expired, with features as string keys and integer values, and, when it is bound to
 * hardware, with at least {@code k} of its fingerprint's hashes this host's own.
 */
public record ServerToken(String wire, JsonObject payload) {

    private static final long MAX_IAT_SKEW_SECONDS = 300;

    /**
     * @param pinnedKeys the server's public key by kid, as the PBX has it pinned
     * @throws AssertionError when the PBX would not accept it
     */
    public static ServerToken accept(String wire, Function<String, PublicKey> pinnedKeys, MikoPbx pbx,
            MikoPbx.SignedRequest request, Instant pbxNow) {
        String[] parts = wire.split("\\.", -1);
        check(parts.length == 2, "a token has two parts: " + wire);
        JsonObject payload = parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        check(payload.get("v") instanceof JsonNumber v && v.isIntegral() && v.intValue() == 2, "v is the integer 2");
        PublicKey key = pinnedKeys.apply(payload.getString("kid"));
        check(key != null, "kid " + payload.getString("kid") + " is pinned");
        check(verifies(key, parts[0], Base64.getUrlDecoder().decode(parts[1])), "the signature verifies");
        check(pbx.installId().equals(payload.getString("install")), "install is ours");
        check(request.nonce().equals(payload.getString("nonce")), "nonce is the request's");
        var token = new ServerToken(wire, payload);
        if (token.isRefusal()) {
            check(!payload.getString("code").isBlank() && payload.containsKey("intcode") && payload.containsKey("error"),
                    "a refusal says why");
            return token;
        }
        check(token.iat() <= pbxNow.getEpochSecond() + MAX_IAT_SKEW_SECONDS, "iat is not ahead of the PBX clock");
        check(token.exp() > pbxNow.getEpochSecond(), "exp is in the future");
        check(payload.get("features") instanceof JsonObject, "features is an object");
        payload.getJsonObject("features").forEach((feature, end) -> check(feature.matches("[0-9]+")
                && end instanceof JsonNumber n && n.isIntegral(), "feature " + feature + " has an integer end"));
        token.seats().keySet().forEach(feature -> check(token.features().containsKey(feature),
                "seats of " + feature + " come with the feature"));
        if (payload.containsKey("poll")) {
            check(token.poll() >= 300 && token.poll() <= 900, "poll is within 300…900");
        }
        if (payload.containsKey("fingerprint")) {
            JsonObject fingerprint = payload.getJsonObject("fingerprint");
            int k = fingerprint.getInt("k");
            long matching = fingerprint.getJsonArray("h").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString).filter(pbx.hardware()::contains).count();
            check(k >= 1 && k <= 4 && matching >= k, "at least k of the fingerprint's hashes are this host's");
        }
        return token;
    }

    public boolean isRefusal() {
        return payload.get("refused") == JsonValue.TRUE;
    }

    public String code() {
        return payload.getString("code");
    }

    public long iat() {
        return payload.getJsonNumber("iat").longValue();
    }

    public long exp() {
        return payload.getJsonNumber("exp").longValue();
    }

    public long offlineUntil() {
        return payload.getJsonNumber("offlineUntil").longValue();
    }

    public int poll() {
        return payload.getInt("poll");
    }

    public String key() {
        return payload.getString("key");
    }

    /** Feature number → end (epoch seconds). */
    public Map<String, Long> features() {
        Map<String, Long> features = new LinkedHashMap<>();
        payload.getJsonObject("features").forEach((feature, end) -> features.put(feature, ((JsonNumber) end).longValue()));
        return features;
    }

    public Map<String, Integer> seats() {
        Map<String, Integer> seats = new LinkedHashMap<>();
        if (payload.containsKey("seats")) {
            payload.getJsonObject("seats").forEach((feature, n) -> seats.put(feature, ((JsonNumber) n).intValue()));
        }
        return seats;
    }

    public List<String> drop() {
        return payload.containsKey("drop")
                ? payload.getJsonArray("drop").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList()
                : List.of();
    }

    public JsonObject fingerprint() {
        return payload.getJsonObject("fingerprint");
    }

    private static boolean verifies(PublicKey key, String signed, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static void check(boolean rule, String what) {
        if (!rule) {
            throw new AssertionError("The PBX refuses the answer: not so that " + what);
        }
    }
}
