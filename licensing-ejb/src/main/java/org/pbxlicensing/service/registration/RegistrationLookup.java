package org.pbxlicensing.service.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.registration.RegistrationNumber;
import org.pbxlicensing.domain.throttle.LimitedSubject;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.throttle.FailedGuesses;
import org.pbxlicensing.service.throttle.GuessThrottle;

/**
 * Finds registrations by the number a client typed. A number with a typo is caught by its check
 * symbol without a look-up; either way an unknown number is {@code REGISTRATION_NOT_FOUND}.
 */
@ApplicationScoped
public class RegistrationLookup {

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    RegistrationQueries registrations;

    @Inject
    LicensingSettings settings;

    @Inject
    GuessThrottle throttle;

    @Inject
    KnownRegistrations known;

    @Inject
    ServerClock clock;

    /**
     * The registration of a number typed by a client; unknown numbers count against the client's
     * guessing allowance.
     */
    public Registration require(String typedNumber, String client) {
        return em.find(Registration.class, requireKey(typedNumber, client).id());
    }

    /**
     * The number and id of the registration of a number typed by a client, as {@link #require} finds
     * it but without loading the registration: from the numbers seen lately, else by its id alone.
     */
    public RegistrationKey requireKey(String typedNumber, String client) {
        return requireCounted(typedNumber, client, this::keyWithGuesses);
    }

    /**
     * The number's key and the client's failed guesses, in one statement; without a throttle, from the
     * numbers seen lately when this one is among them.
     */
    private CountedLookup<RegistrationKey> keyWithGuesses(RegistrationNumber number, Optional<LimitedSubject> guesser) {
        if (guesser.isEmpty()) {
            return new CountedLookup<>(findKey(number), FailedGuesses.NONE);
        }
        Instant now = clock.now();
        Object[] row = registrations.idWithFailedGuesses(number, guesser.get(),
                guesser.get().limit().windowStart(now));
        Optional<RegistrationKey> key = row[0] == null ? Optional.empty()
                : Optional.of(remembered(new RegistrationKey(((Number) row[0]).longValue(), number)));
        return new CountedLookup<>(key, FailedGuesses.of(row[1], row[2], now));
    }

    /**
     * The number and id of the registration of a number typed by a client, locked for the caller's
     * transaction ({@link RegistrationClaimLock}) in the statement that finds it and asks the guess
     * throttle. A client at its limit is refused whether the number exists or not; an unknown number
     * counts against the client's guessing allowance.
     */
    public RegistrationKey lockKey(String typedNumber, String client) {
        if (typedNumber == null || typedNumber.isBlank()) {
            throw LicensingException.invalid("registrationNumber", FieldError.REQUIRED);
        }
        Optional<RegistrationNumber> number = settings.registrationNumbers().tryParse(typedNumber);
        if (number.isEmpty() || !RegistrationClaimLock.lockUnlessThrottled(em, number.get(), throttle.subject(client),
                clock.now())) {
            throttle.countMiss(client);
            throw new LicensingException(Failure.REGISTRATION_NOT_FOUND, Map.of("numberWellFormed", number.isPresent()));
        }
        return findKey(number.get())
                .orElseThrow(() -> new IllegalStateException("A locked registration vanished: " + number.get()));
    }

    /** What a look-up found for a number, with the client's failed guesses read in the same statement. */
    public record CountedLookup<T>(Optional<T> found, FailedGuesses guesses) {
    }

    /**
     * What {@code lookup} finds for the number a client typed, with the same checks and refusal as
     * {@link #require}, for a look-up that reads the client's failed guesses in its own statement (it is
     * given the client's subject, or nothing when guessing is not throttled): a client at its limit is
     * refused whatever was found, an unknown number counts against it.
     */
    public <T> T requireCounted(String typedNumber, String client,
            BiFunction<RegistrationNumber, Optional<LimitedSubject>, CountedLookup<T>> lookup) {
        if (typedNumber == null || typedNumber.isBlank()) {
            throw LicensingException.invalid("registrationNumber", FieldError.REQUIRED);
        }
        Optional<RegistrationNumber> number = settings.registrationNumbers().tryParse(typedNumber);
        Optional<LimitedSubject> subject = throttle.subject(client);
        Optional<T> found = Optional.empty();
        if (number.isPresent()) {
            CountedLookup<T> counted = lookup.apply(number.get(), subject);
            subject.ifPresent(guesser -> throttle.requireBelow(guesser, counted.guesses()));
            found = counted.found();
        }
        if (found.isEmpty()) {
            throttle.countMiss(client);
            throw new LicensingException(Failure.REGISTRATION_NOT_FOUND, Map.of("numberWellFormed", number.isPresent()));
        }
        return found.get();
    }

    /**
     * What {@code lookup} finds for the number a client typed, with the same checks, throttle and
     * refusal as {@link #require}: for callers that read more than the registration in the same step.
     */
    public <T> T require(String typedNumber, String client, Function<RegistrationNumber, Optional<T>> lookup) {
        return require(typedNumber, client, number -> Optional.empty(), lookup);
    }

    private <T> T require(String typedNumber, String client, Function<RegistrationNumber, Optional<T>> remembered,
            Function<RegistrationNumber, Optional<T>> lookup) {
        if (typedNumber == null || typedNumber.isBlank()) {
            throw LicensingException.invalid("registrationNumber", FieldError.REQUIRED);
        }
        Optional<RegistrationNumber> number = settings.registrationNumbers().tryParse(typedNumber);
        Optional<T> found = throttle.lookUp(client, () -> number.flatMap(remembered), () -> number.flatMap(lookup));
        if (found.isEmpty()) {
            // A number with a typo is caught by its check symbol: no registration can have it.
            throw new LicensingException(Failure.REGISTRATION_NOT_FOUND,
                    Map.of("numberWellFormed", number.isPresent()));
        }
        return found.get();
    }

    /** The number and id of a registration, from the numbers seen lately, else by its id alone. */
    public Optional<RegistrationKey> findKey(RegistrationNumber number) {
        return known.find(number).or(() -> registrations.idOf(number)
                .map(id -> remembered(new RegistrationKey(id, number))));
    }

    private RegistrationKey remembered(RegistrationKey key) {
        known.remember(key);
        return key;
    }

    public Optional<Registration> find(RegistrationNumber number) {
        return registrations.byNumber(number);
    }
}
