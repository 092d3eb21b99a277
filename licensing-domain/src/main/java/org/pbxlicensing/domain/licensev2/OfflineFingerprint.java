package org.pbxlicensing.domain.licensev2;

import java.util.List;
import java.util.Optional;

/**
 * Ties an offline token to the hardware that asked for it: the PBX runs it only while at least
 * {@code k} of the hashes match. Fewer than {@value #REQUIRED_MATCHES} hashes bind nothing: one
 * changed disk or NIC would already switch the PBX off.
 */
public record OfflineFingerprint(int k, List<String> hashes) {

    public static final int REQUIRED_MATCHES = 3;

    public OfflineFingerprint {
        hashes = List.copyOf(hashes);
    }

    public static Optional<OfflineFingerprint> of(List<String> requestHashes) {
        return requestHashes.size() >= REQUIRED_MATCHES
                ? Optional.of(new OfflineFingerprint(REQUIRED_MATCHES, requestHashes))
                : Optional.empty();
    }
}
