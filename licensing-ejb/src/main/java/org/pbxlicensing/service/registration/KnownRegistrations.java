package org.pbxlicensing.service.registration;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pbxlicensing.domain.registration.RegistrationNumber;

/**
 * The ids of registration numbers seen lately, so that a check does not look its number up each time.
 * Correct on every node of a cluster without any invalidation: a registration keeps its number and
 * id for ever and is never deleted. Only found numbers are kept (an unknown number is looked up, and
 * counted as a guess, every time); the least recently used go first.
 */
@ApplicationScoped
public class KnownRegistrations {

    /** Some 15 MB: the registrations of a whole poll cycle of a large fleet. */
    static final int CAPACITY = 100_000;

    private final Map<RegistrationNumber, RegistrationKey> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RegistrationNumber, RegistrationKey> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized Optional<RegistrationKey> find(RegistrationNumber number) {
        return Optional.ofNullable(known.get(number));
    }

    public synchronized void remember(RegistrationKey key) {
        known.put(key.number(), key);
    }
}
