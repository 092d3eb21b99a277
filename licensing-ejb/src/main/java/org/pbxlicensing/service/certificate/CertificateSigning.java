package org.pbxlicensing.service.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.infrastructure.metrics.TimedSigning;

/** Signs a certificate of API.md with a given key; a bean of its own so that every signature is timed. */
@ApplicationScoped
public class CertificateSigning {

    @Inject
    @ConfigProperty(name = "licensing.certificate.issuer", defaultValue = "pbx-licensing")
    String issuer;

    @TimedSigning("certificate")
    public String sign(SigningKey key, CertificateClaims claims) {
        return new CertificateSigner(issuer, key).sign(claims);
    }
}
