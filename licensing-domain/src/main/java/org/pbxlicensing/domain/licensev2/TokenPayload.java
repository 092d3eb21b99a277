package org.pbxlicensing.domain.licensev2;

import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pbxlicensing.domain.json.JsonBuilders;

/**
 * What a token grants one installation, written as the payload JSON the PBX checks.
 *
 * @param licenseEnds each feature the installation may run, with the end of its license (null: perpetual)
 * @param seats       its share of each per-session feature; every key is in {@code licenseEnds}
 * @param drop        refs of holders the PBX must free
 * @param fingerprint only in offline tokens, null otherwise
 */
public record TokenPayload(String kid, EntitlementRequest request, TokenTerms terms,
        SortedMap<Integer, Instant> licenseEnds, SortedMap<Integer, Integer> seats, List<String> drop,
        OfflineFingerprint fingerprint) {

    public TokenPayload {
        licenseEnds = new TreeMap<>(licenseEnds);
        seats = new TreeMap<>(seats);
        drop = List.copyOf(drop);
        if (!licenseEnds.keySet().containsAll(seats.keySet())) {
            throw new IllegalArgumentException("seats are given only for features of the token");
        }
    }

    public String toJson() {
        JsonObjectBuilder json = JsonBuilders.object()
                .add("v", EntitlementRequestReader.PROTOCOL_VERSION)
                .add("kid", kid)
                .add("install", request.install())
                .add("nonce", request.nonce())
                .add("key", request.key())
                .add("iat", terms.issuedAt().getEpochSecond())
                .add("exp", terms.expiresAt().getEpochSecond())
                .add("offlineUntil", terms.offlineUntil().getEpochSecond())
                .add("features", features());
        if (!seats.isEmpty()) {
            JsonObjectBuilder shares = JsonBuilders.object();
            seats.forEach((feature, share) -> shares.add(String.valueOf(feature), share));
            json.add("seats", shares);
        }
        if (terms.pollSeconds() != null) {
            json.add("poll", terms.pollSeconds());
        }
        if (!drop.isEmpty()) {
            json.add("drop", JsonBuilders.array(drop));
        }
        if (fingerprint != null) {
            json.add("fingerprint", JsonBuilders.object()
                    .add("k", fingerprint.k())
                    .add("h", JsonBuilders.array(fingerprint.hashes())));
        }
        return json.build().toString();
    }

    private JsonObjectBuilder features() {
        JsonObjectBuilder features = JsonBuilders.object();
        for (Map.Entry<Integer, Instant> feature : licenseEnds.entrySet()) {
            features.add(String.valueOf(feature.getKey()), terms.featureEnd(feature.getValue()).getEpochSecond());
        }
        return features;
    }
}
