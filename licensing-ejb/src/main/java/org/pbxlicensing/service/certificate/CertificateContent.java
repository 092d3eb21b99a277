package org.pbxlicensing.service.certificate;

import java.util.List;

/** What a certificate states apart from its times: this host of this registration may run these features. */
public record CertificateContent(String registrationNumber, String hostId, List<CertifiedFeature> features) {

    public CertificateContent {
        features = List.copyOf(features);
    }
}
