package org.pbxlicensing.service.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CertificateReuseTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00.123456Z");
    private static final Duration LEASE = Duration.ofDays(7);
    private static final Function<Instant, Instant> LEASE_FROM = issuedAt -> issuedAt.plus(LEASE);
    private static final CertificateContent CONTENT = new CertificateContent("MIKO-0A1B2-C3D4E-F5G6H-J7K8M", "host-1",
            List.of(new CertifiedFeature(33, "PERPETUAL", null)));

    private final CertificateIssuer issuer = issuer(SigningKey.generate(1, Instant.parse("2026-01-01T00:00:00Z")));

    @Test
    void theSameContentSoonAfterGetsTheSameCertificateWithItsOwnTimes() {
        IssuedCertificate first = issuer.issue(CONTENT, NOW, LEASE_FROM);
        IssuedCertificate again = issuer.issue(CONTENT, NOW.plusSeconds(60), LEASE_FROM);

        assertEquals(first, again);
        assertEquals(NOW, again.issuedAt());
        assertEquals(NOW.plus(LEASE), again.validUntil());
    }

    @Test
    void afterTheReuseWindowANewCertificateIsIssued() {
        IssuedCertificate first = issuer.issue(CONTENT, NOW, LEASE_FROM);
        Instant later = NOW.plus(RecentCertificates.REUSE);
        IssuedCertificate next = issuer.issue(CONTENT, later, LEASE_FROM);

        assertNotEquals(first.jws(), next.jws());
        assertEquals(later.plus(LEASE), next.validUntil());
    }

    @Test
    void otherContentGetsItsOwnCertificate() {
        IssuedCertificate first = issuer.issue(CONTENT, NOW, LEASE_FROM);
        var revoked = new CertificateContent(CONTENT.registrationNumber(), CONTENT.hostId(), List.of());

        assertNotEquals(first.jws(), issuer.issue(revoked, NOW.plusSeconds(1), LEASE_FROM).jws());
        assertNotEquals(first.jws(), issuer.issue(new CertificateContent(CONTENT.registrationNumber(), "host-2",
                CONTENT.features()), NOW.plusSeconds(1), LEASE_FROM).jws());
    }

    @Test
    void aLeaseThatWouldEndElsewhereNowIsNotReused() {
        IssuedCertificate first = issuer.issue(CONTENT, NOW, LEASE_FROM);
        Function<Instant, Instant> shorter = issuedAt -> issuedAt.plus(Duration.ofDays(1));

        IssuedCertificate next = issuer.issue(CONTENT, NOW.plusSeconds(1), shorter);

        assertNotEquals(first.jws(), next.jws());
        assertEquals(NOW.plusSeconds(1).plus(Duration.ofDays(1)), next.validUntil());
    }

    @Test
    void anEarlierClockIsNeverAnsweredWithALaterCertificate() {
        issuer.issue(CONTENT, NOW, LEASE_FROM);

        assertEquals(NOW.minusSeconds(1), issuer.issue(CONTENT, NOW.minusSeconds(1), LEASE_FROM).issuedAt());
    }

    private static CertificateIssuer issuer(SigningKey key) {
        CertificateIssuer issuer = new CertificateIssuer();
        issuer.signing = new CertificateSigning();
        issuer.signing.issuer = "pbx-licensing";
        issuer.keys = new SigningKeyRing() {
            @Override
            public SigningKey current() {
                return key;
            }

            @Override
            public Optional<SigningKey> previous() {
                return Optional.empty();
            }
        };
        issuer.takeCurrentKey();
        return issuer;
    }
}
