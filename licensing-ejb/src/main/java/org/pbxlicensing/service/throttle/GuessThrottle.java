package org.pbxlicensing.service.throttle;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.throttle.AttemptLimit;
import org.pbxlicensing.infrastructure.config.LicensingSettings;

/**
 * Slows down guessing of registration numbers and coupons: a client with too many failed look-ups
 * in the last minutes is refused before any look-up, whatever it sends.
 */
@ApplicationScoped
public class GuessThrottle {

    static final Duration WINDOW = Duration.ofMinutes(10);

    @Inject
    AttemptCounter attempts;

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

    /** @throws LicensingException {@code TOO_MANY_ATTEMPTS}, with {@code retryAfterSeconds}, if the client must wait */
    public void requireAllowed(String client) {
        // Asked here as well, so that a check with the throttle off does not cross into the counter's EJB.
        if (settings.throttleEnabled()) {
            attempts.requireBelow(failedLookups, client);
        }
    }

    /** Counted even when the request's transaction rolls back with its refusal. */
    public void recordFailure(String client) {
        attempts.record(failedLookups, client);
    }
}
