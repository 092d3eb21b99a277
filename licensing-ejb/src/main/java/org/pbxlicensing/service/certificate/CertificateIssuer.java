package org.pbxlicensing.service.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.infrastructure.metrics.TimedSigning;

/** Signs certificates and tokens with the current key of the {@link SigningKeyRing}, and publishes its keys. */
@ApplicationScoped
public class CertificateIssuer {

    @Inject
    SigningKeyRing keys;

    @Inject
    @ConfigProperty(name = "licensing.certificate.issuer", defaultValue = "pbx-licensing")
    String issuer;

    /** The certificate of API.md, as a JWS compact serialisation. */
    @TimedSigning("certificate")
    public String issue(CertificateClaims claims) {
        return new CertificateSigner(issuer, keys.current()).sign(claims);
    }

    /** The public JWKS, the current key first, then the previous one. */
    public String jwksJson() {
        return PublicKeySet.json(keys.published());
    }

    public String currentKid() {
        return keys.current().kid();
    }

    /** A raw Ed25519 signature, for token formats of their own (LicenseV2). */
    @TimedSigning("licensev2")
    public byte[] signWithCurrentKey(byte[] data) {
        return keys.current().sign(data);
    }
}
