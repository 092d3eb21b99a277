package org.pbxlicensing.service.registration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.pbxlicensing.domain.registration.RegistrationNumber;

/**
 * The ids of registration numbers seen lately, so that an activation or a LicenseV2 poll does not look
 * its number up each time.
 * Correct on every node of a cluster without any invalidation: a registration keeps its number and
 * id for ever and is never deleted. Only found numbers are kept (an unknown number is looked up, and
 * counted as a guess, every time). Bounded, and read without a lock: every poll asks it.
 */
@ApplicationScoped
public class KnownRegistrations {

    /** Some 15 MB: the registrations of a whole poll cycle of a large fleet. */
    static final int CAPACITY = 100_000;

    private final Cache<RegistrationNumber, RegistrationKey> known = Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .executor(Runnable::run)
            .build();

    public Optional<RegistrationKey> find(RegistrationNumber number) {
        return Optional.ofNullable(known.getIfPresent(number));
    }

    public void remember(RegistrationKey key) {
        known.put(key.number(), key);
    }
}
