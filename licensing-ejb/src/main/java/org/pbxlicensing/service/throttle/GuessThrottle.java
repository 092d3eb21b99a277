package org.pbxlicensing.service.throttle;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.throttle.AttemptLimit;
import org.pbxlicensing.domain.throttle.LimitedSubject;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.infrastructure.metrics.Meters;
import org.pbxlicensing.infrastructure.time.ServerClock;

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

    @Inject
    Meters meters;

    @Inject
    ServerClock clock;

    private AttemptLimit failedLookups;

    @PostConstruct
    void limit() {
        failedLookups = new AttemptLimit("failed-lookup", maxFailures, WINDOW);
    }

    /** The client's failed look-ups as a limited subject; empty when guessing is not throttled or the client is unknown. */
    public Optional<LimitedSubject> subject(String client) {
        return !settings.throttleEnabled() || client == null ? Optional.empty() : Optional.of(failedLookups.of(client));
    }

    /**
     * Refuses a client whose failed look-ups, read in the statement that looked its number up, reached
     * the limit: whatever that statement found, the client learns nothing of it.
     *
     * @throws LicensingException {@code TOO_MANY_ATTEMPTS}, with {@code retryAfterSeconds}
     */
    public void requireBelow(LimitedSubject subject, FailedGuesses counted) {
        AttemptLimit limit = subject.limit();
        if (limit.isExceededBy(counted.attempts())) {
            meters.counter("licensing.throttled", "bucket", limit.bucket()).increment();
            Instant now = clock.now();
            throw limit.refusal(counted.oldestMinute() == null ? now : counted.oldestMinute(), now);
        }
    }

    /**
     * Counts a look-up that found nothing (or was not answered because the client was at its limit,
     * which the caller cannot tell apart), one at a time, as {@link #lookUp(String, Supplier)} does.
     *
     * @throws LicensingException {@code TOO_MANY_ATTEMPTS}, with {@code retryAfterSeconds}, when the client
     *     must wait; nothing is counted then
     */
    public void countMiss(String client) {
        subject(client).ifPresent(subject -> throttle.count(List.of(subject)));
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
