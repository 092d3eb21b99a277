package org.pbxlicensing.service.throttle;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.throttle.AttemptLimit;
import org.pbxlicensing.infrastructure.config.LicensingSettings;

/**
 * Slows down guessing of registration numbers, coupons and registered emails: a client with too many
 * failed look-ups in the last minutes is refused before any look-up, whatever it sends.
 */
@ApplicationScoped
public class GuessThrottle {

    static final Duration WINDOW = Duration.ofMinutes(10);

    @Inject
    Throttle throttle;

    @Inject
    @ConfigProperty(name = "licensing.throttle.max-failures", defaultValue = "20")
    int maxFailures;

    @Inject
    LicensingSettings settings;

    private AttemptLimit failedLookups;

    @PostConstruct
    void limit() {
        failedLookups = new AttemptLimit("failed-lookup", maxFailures, WINDOW);
    }

    /**
     * Looks something up for a client, counting it as a failed look-up when nothing is found. The
     * look-up runs in a transaction of its own that only reads: it returns values, not entities.
     *
     * @throws LicensingException {@code TOO_MANY_ATTEMPTS}, with {@code retryAfterSeconds}, without looking
     *     up, when the client must wait
     */
    public <T> Optional<T> lookUp(String client, Supplier<Optional<T>> lookup) {
        if (!settings.throttleEnabled() || client == null) {
            return lookup.get();
        }
        return throttle.attempt(lookup, List.of(failedLookups.of(client)));
    }
}
