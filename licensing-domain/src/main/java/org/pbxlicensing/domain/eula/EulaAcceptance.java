package org.pbxlicensing.domain.eula;

import java.time.Instant;

/**
 * A registration's acceptance of one version of an agreement: in the portal (no host) or by a PBX
 * on its host.
 */
public record EulaAcceptance(int featureNumber, String version, String titleRu, String titleEn, String hostId,
        Instant acceptedAt) {

    /** The agreement's title in the language, {@code "en"} or else Russian. */
    public String title(String language) {
        return "en".equals(language) ? titleEn : titleRu;
    }

    /** Accepted by the customer in the portal rather than by a PBX. */
    public boolean inPortal() {
        return hostId == null || hostId.isEmpty();
    }
}
