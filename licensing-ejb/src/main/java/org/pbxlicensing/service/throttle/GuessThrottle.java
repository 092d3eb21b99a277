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
import org.pbxlicensing.domain.throttle.LimitedSubject;
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
    WindowCounts counts;

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
     * Looks something up for a client, counting it as a failed look-up when nothing is found. A client
     * at its limit is refused before the look-up. A failure is counted only while the client is below
     * the limit, one at a time ({@link AttemptCounter#count}), else refused as well; and what was found
     * is answered only when the client is still below the limit after the look-up. So, however many
     * look-ups of a client run at once, no more than the limit of misses are answered as misses, and an
     * answer past the limit is the same refusal whether the look-up found something or not.
     *
     * @throws LicensingException {@code TOO_MANY_ATTEMPTS}, with {@code retryAfterSeconds}, when the client
     *     must wait
     */
    public <T> Optional<T> lookUp(String client, Supplier<Optional<T>> lookup) {
        return lookUp(client, Optional::empty, lookup);
    }

    /**
     * As {@link #lookUp(String, Supplier)}, first asking the node's memory of what was found before:
     * what it remembers costs no look-up, so it is answered once the client is below the limit.
     */
    public <T> Optional<T> lookUp(String client, Supplier<Optional<T>> remembered, Supplier<Optional<T>> lookup) {
        if (!settings.throttleEnabled() || client == null) {
            return remembered.get().or(lookup);
        }
        LimitedSubject subject = failedLookups.of(client);
        Optional<T> known = remembered.get();
        if (known.isPresent()) {
            counts.requireBelow(subject);
            return known;
        }
        counts.requireBelow(subject);
        Optional<T> found = lookup.get();
        if (found.isPresent()) {
            counts.requireBelow(subject);
        } else {
            throttle.count(List.of(subject));
        }
        return found;
    }
}
