package org.pbxlicensing.service.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.registration.RegistrationNumber;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
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
    LicensingSettings settings;

    @Inject
    GuessThrottle throttle;

    @Inject
    KnownRegistrations known;

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
        return require(typedNumber, client, known::find, this::findKey);
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
        return known.find(number).or(() -> em.createQuery(
                        "select r.id from Registration r where r.number = :number", Long.class)
                .setParameter("number", number)
                .getResultStream()
                .findFirst()
                .map(id -> remembered(new RegistrationKey(id, number))));
    }

    private RegistrationKey remembered(RegistrationKey key) {
        known.remember(key);
        return key;
    }

    public Optional<Registration> find(RegistrationNumber number) {
        return em.createQuery("select r from Registration r where r.number = :number", Registration.class)
                .setParameter("number", number)
                .getResultStream()
                .findFirst();
    }
}
