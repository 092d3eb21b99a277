package org.pbxlicensing.service.certificate;

import java.time.Instant;
import java.util.List;

/** What a certificate states: this host of this registration may run these features until {@code validUntil}. */
public record CertificateClaims(String registrationNumber, String hostId, List<CertifiedFeature> features,
        Instant issuedAt, Instant validUntil) {

    public CertificateClaims {
        features = List.copyOf(features);
    }
}
