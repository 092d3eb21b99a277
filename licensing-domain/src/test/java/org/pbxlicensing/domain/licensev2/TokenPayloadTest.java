package org.pbxlicensing.domain.licensev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TokenPayloadTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration GRACE = Duration.ofDays(7);

    private final TestInstallation pbx = new TestInstallation();
    private final EntitlementRequest request = EntitlementRequestReader.read(pbx.body(pbx.onlineRequest()));

    @Test
    void onlineTermsExpireAfterTwoPollsAndLastTheGraceOffline() {
        var terms = TokenTerms.online(NOW, 600, GRACE);
        assertEquals(NOW.plusSeconds(1200), terms.expiresAt());
        assertEquals(NOW.plus(GRACE), terms.offlineUntil());
        assertEquals(600, terms.pollSeconds());
    }

    @Test
    void pollStaysWithinWhatTheClientAccepts() {
        assertEquals(300, TokenTerms.online(NOW, 60, GRACE).pollSeconds());
        assertEquals(900, TokenTerms.online(NOW, 3600, GRACE).pollSeconds());
    }

    @Test
    void aFeatureLastsUntilItsLicenseEndsButNeverPastTheGrace() {
        var terms = TokenTerms.online(NOW, 600, GRACE);
        assertEquals(NOW.plus(Duration.ofDays(2)), terms.featureEnd(NOW.plus(Duration.ofDays(2))));
        assertEquals(NOW.plus(GRACE), terms.featureEnd(NOW.plus(Duration.ofDays(30))));
        assertEquals(NOW.plus(GRACE), terms.featureEnd(null), "a perpetual license lasts the grace");
    }

    @Test
    void offlineTermsLastTheirValidityWithoutPolls() {
        var terms = TokenTerms.offline(NOW, Duration.ofDays(30));
        assertEquals(NOW.plus(Duration.ofDays(30)), terms.expiresAt());
        assertEquals(terms.expiresAt(), terms.offlineUntil());
        assertEquals(null, terms.pollSeconds());
    }

    @Test
    void payloadHasTheFieldsThePbxChecks() {
        var ends = new TreeMap<Integer, Instant>(Map.of(33, NOW.plus(Duration.ofDays(30))));
        ends.put(46, null);
        var payload = new TokenPayload("lic-1-abcd", request, TokenTerms.online(NOW, 600, GRACE), ends,
                new TreeMap<>(Map.of(46, 3)), List.of("00000000000000aa"), null);
        JsonObject json = parse(payload.toJson());

        assertEquals(2, json.getInt("v"));
        assertTrue(json.getJsonNumber("v").isIntegral());
        assertEquals("lic-1-abcd", json.getString("kid"));
        assertEquals(pbx.installId, json.getString("install"));
        assertEquals("0123456789abcdef0123456789abcdef", json.getString("nonce"));
        assertEquals("MIKO-0A1B2-C3D4E-F5G6H-J7K8M", json.getString("key"));
        assertEquals(NOW.getEpochSecond(), json.getJsonNumber("iat").longValue());
        assertEquals(NOW.getEpochSecond() + 1200, json.getJsonNumber("exp").longValue());
        long offlineUntil = NOW.plus(GRACE).getEpochSecond();
        assertEquals(offlineUntil, json.getJsonNumber("offlineUntil").longValue());
        assertEquals(offlineUntil, json.getJsonObject("features").getJsonNumber("33").longValue());
        assertEquals(offlineUntil, json.getJsonObject("features").getJsonNumber("46").longValue());
        assertEquals(3, json.getJsonObject("seats").getInt("46"));
        assertEquals(600, json.getInt("poll"));
        assertEquals("00000000000000aa", json.getJsonArray("drop").getString(0));
        assertFalse(json.containsKey("fingerprint"));
    }

    @Test
    void emptyPartsAreLeftOutButFeaturesAreAlwaysThere() {
        var payload = new TokenPayload("kid", request, TokenTerms.online(NOW, 600, GRACE), new TreeMap<>(),
                new TreeMap<>(), List.of(), null);
        JsonObject json = parse(payload.toJson());
        assertTrue(json.getJsonObject("features").isEmpty());
        assertFalse(json.containsKey("seats"));
        assertFalse(json.containsKey("drop"));
    }

    @Test
    void offlineTokensCarryTheFingerprintOfAtLeastThreeHashes() {
        assertTrue(OfflineFingerprint.of(List.of("a", "b")).isEmpty());
        var fingerprint = OfflineFingerprint.of(List.of("1111111111111111", "2222222222222222", "3333333333333333"));
        var payload = new TokenPayload("kid", request, TokenTerms.offline(NOW, Duration.ofDays(30)),
                new TreeMap<>(Map.of(33, NOW.plus(Duration.ofDays(90)))), new TreeMap<>(), List.of(),
                fingerprint.orElseThrow());
        JsonObject json = parse(payload.toJson());
        assertEquals(3, json.getJsonObject("fingerprint").getInt("k"));
        assertEquals(3, json.getJsonObject("fingerprint").getJsonArray("h").size());
        assertFalse(json.containsKey("poll"));
        assertEquals(json.getJsonNumber("exp"), json.getJsonObject("features").getJsonNumber("33"));
    }

    @Test
    void seatsOnlyForFeaturesOfTheToken() {
        assertThrows(IllegalArgumentException.class, () -> new TokenPayload("kid", request,
                TokenTerms.online(NOW, 600, GRACE), new TreeMap<>(), new TreeMap<>(Map.of(46, 1)), List.of(), null));
    }

    @Test
    void refusalStatesTheDecisionWithItsCodes() {
        JsonObject json = parse(new RefusalPayload("kid", pbx.installId, "ab".repeat(16),
                RefusalReason.BINDING_RESET).toJson());
        assertEquals(2, json.getInt("v"));
        assertTrue(json.getBoolean("refused"));
        assertEquals("BINDING_RESET", json.getString("code"));
        assertEquals(2, json.getInt("intcode"));
        assertFalse(json.getString("error").isBlank());
    }

    @Test
    void wireFormIsPayloadDotSignatureOverTheFirstPart() {
        String wire = SignedWireForm.of("{\"v\":2}", data -> new String(data, java.nio.charset.StandardCharsets.US_ASCII)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("eyJ2IjoyfQ.ZXlKMklqb3lmUQ", wire);
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
