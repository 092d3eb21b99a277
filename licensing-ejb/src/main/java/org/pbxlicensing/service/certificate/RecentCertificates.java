package org.pbxlicensing.service.certificate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Certificates signed in the last {@link #REUSE} per content and key, so that a host asking again
 * soon (a retry, a restart storm) gets the certificate it already has instead of a new signature.
 * Bounded: the least recently used entries go first. Per node, and nothing in it can go stale: the
 * key holds everything the certificate states, and the lease still ends where the rules say.
 */
final class RecentCertificates {

    static final Duration REUSE = Duration.ofMinutes(5);

    private record Key(String kid, CertificateContent content) {
    }

    private final Map<Key, IssuedCertificate> recent;

    RecentCertificates(int capacity) {
        this.recent = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, IssuedCertificate> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The certificate signed for this content with this key less than {@link #REUSE} before {@code now},
     * if it still ends where a certificate issued at its own time must end.
     */
    Optional<IssuedCertificate> reusable(String kid, CertificateContent content, Instant now,
            java.util.function.Function<Instant, Instant> validUntilOf) {
        IssuedCertificate issued;
        synchronized (recent) {
            issued = recent.get(new Key(kid, content));
        }
        if (issued == null || now.isBefore(issued.issuedAt()) || !now.isBefore(issued.issuedAt().plus(REUSE))
                || !issued.validUntil().equals(validUntilOf.apply(issued.issuedAt()))
                || !now.isBefore(issued.validUntil())) {
            return Optional.empty();
        }
        return Optional.of(issued);
    }

    void remember(String kid, CertificateContent content, IssuedCertificate issued) {
        synchronized (recent) {
            recent.put(new Key(kid, content), issued);
        }
    }
}
