package org.pbxlicensing.service.certificate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Certificates signed in the last {@link #REUSE} per content and key, so that a host asking again
 * soon (a retry, a restart storm) gets the certificate it already has instead of a new signature.
 * Bounded, and read without a lock. Per node, and nothing in it can go stale: the key holds
 * everything the certificate states, and the lease still ends where the rules say.
 */
final class RecentCertificates {

    static final Duration REUSE = Duration.ofMinutes(5);

    private record Key(String kid, CertificateContent content) {
    }

    private final Cache<Key, IssuedCertificate> recent;

    RecentCertificates(int capacity) {
        this.recent = Caffeine.newBuilder()
                .maximumSize(capacity)
                .executor(Runnable::run)
                .build();
    }

    /**
     * The certificate signed for this content with this key less than {@link #REUSE} before {@code now},
     * if it still ends where a certificate issued at its own time must end.
     */
    Optional<IssuedCertificate> reusable(String kid, CertificateContent content, Instant now,
            Function<Instant, Instant> validUntilOf) {
        IssuedCertificate issued = recent.getIfPresent(new Key(kid, content));
        if (issued == null || now.isBefore(issued.issuedAt()) || !now.isBefore(issued.issuedAt().plus(REUSE))
                || !issued.validUntil().equals(validUntilOf.apply(issued.issuedAt()))
                || !now.isBefore(issued.validUntil())) {
            return Optional.empty();
        }
        return Optional.of(issued);
    }

    void remember(String kid, CertificateContent content, IssuedCertificate issued) {
        recent.put(new Key(kid, content), issued);
    }
}
