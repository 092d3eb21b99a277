package org.pbxlicensing.service.certificate;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.Function;
import org.pbxlicensing.infrastructure.metrics.TimedSigning;

/** Signs certificates and tokens with the current key of the {@link SigningKeyRing}, and publishes its keys. */
@ApplicationScoped
public class CertificateIssuer {

    /** About 10 MB of certificates at most. */
    private static final int RECENT_CAPACITY = 10_000;

    @Inject
    SigningKeyRing keys;

    @Inject
    CertificateSigning signing;

    private final RecentCertificates recent = new RecentCertificates(RECENT_CAPACITY);

    /** The ring's keys change only with a restart: taken once, not through its container on every certificate. */
    private SigningKey current;

    @PostConstruct
    void takeCurrentKey() {
        current = keys.current();
    }

    /** The certificate of API.md for these claims, as a JWS compact serialisation. */
    public String issue(CertificateClaims claims) {
        return signing.sign(current, claims);
    }

    /**
     * The certificate for this content at {@code now}: the one signed for the same content and key
     * within the last {@link RecentCertificates#REUSE} (its lease ending where the rules put it for its
     * own issue time), or a new one issued now.
     *
     * @param validUntilOf the end of the lease of a certificate issued at a given time
     */
    public IssuedCertificate issue(CertificateContent content, Instant now, Function<Instant, Instant> validUntilOf) {
        return recent.reusable(current.kid(), content, now, validUntilOf).orElseGet(() -> {
            Instant validUntil = validUntilOf.apply(now);
            String jws = signing.sign(current, new CertificateClaims(content.registrationNumber(),
                    content.hostId(), content.features(), now, validUntil));
            IssuedCertificate issued = new IssuedCertificate(jws, now, validUntil);
            recent.remember(current.kid(), content, issued);
            return issued;
        });
    }

    /** The public JWKS, the current key first, then the previous one. */
    public String jwksJson() {
        return PublicKeySet.json(keys.published());
    }

    public String currentKid() {
        return current.kid();
    }

    /** A raw Ed25519 signature, for token formats of their own (LicenseV2). */
    @TimedSigning("licensev2")
    public byte[] signWithCurrentKey(byte[] data) {
        return current.sign(data);
    }
}
