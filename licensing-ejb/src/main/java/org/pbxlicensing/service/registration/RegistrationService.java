package org.pbxlicensing.service.registration;

import org.pbxlicensing.domain.event.LifecycleEvent;
import jakarta.enterprise.event.Event;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.license.LicenseSource;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.registration.RegistrationForm;
import org.pbxlicensing.domain.registration.RegistrationFormRules;
import org.pbxlicensing.domain.registration.RegistrationNumber;
import org.pbxlicensing.domain.registration.SubmissionKey;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.audit.AuditLog;
import org.pbxlicensing.service.catalog.FeatureCatalog;
import org.pbxlicensing.service.license.TrialService;
import org.pbxlicensing.service.mail.MailOutbox;
import org.pbxlicensing.service.throttle.GuessThrottle;

/**
 * Registers customers: a new registration number and, at once, a trial of the product they chose;
 * the welcome mail with the number goes out once the registration committed.
 */
@Stateless
public class RegistrationService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    RegistrationQueries registrations;

    @Inject
    FeatureCatalog catalog;

    @Inject
    TrialService trials;

    @Inject
    AuditLog audit;

    @Inject
    MailOutbox outbox;

    @Inject
    ServerClock clock;

    @Inject
    LicensingSettings settings;

    @Inject
    GuessThrottle guesses;

    @Inject
    RegistrationReminders reminders;

    @Inject
    Event<LifecycleEvent> lifecycle;

    public record Receipt(long registrationId, RegistrationNumber number, License trial) {
    }

    public Receipt register(RegistrationForm form, String language, Actor actor) {
        Feature feature = validated(form);
        claimEmailForCompany(form, actor);
        return mint(form, feature, language, actor);
    }

    /**
     * The portal's form: registers like {@link #register}, unless the same email and company
     * registered within a day. Then nothing is minted, the earlier registration's number is mailed
     * again to its email (counted like a reminder), and the answer is empty: the number is a
     * credential, not for whoever typed the form.
     *
     * @throws LicensingException as {@link #register}, and {@code TOO_MANY_ATTEMPTS} when the number
     *     was mailed to that email too often within the hour
     */
    public Optional<Receipt> registerOnce(RegistrationForm form, String language, Actor actor) {
        Feature feature = validated(form);
        claimEmailForCompany(form, actor);
        var key = SubmissionKey.of(form.email(), form.company());
        var now = clock.now();
        Optional<Long> earlier = SubmissionClaim.claim(em, key, now);
        if (earlier.isPresent()) {
            reminders.resendWelcome(em.find(Registration.class, earlier.get()), outsideClient(actor));
            return Optional.empty();
        }
        Receipt receipt = mint(form, feature, language, actor);
        SubmissionClaim.registered(em, key, receipt.registrationId(), now);
        return Optional.of(receipt);
    }

    private Feature validated(RegistrationForm form) {
        List<FieldError> errors = new ArrayList<>(RegistrationFormRules.violations(form));
        Optional<Feature> feature = catalog.find(form.featureOrDefault());
        if (feature.isEmpty()) {
            errors.add(new FieldError("feature", FieldError.UNKNOWN_FEATURE));
        }
        if (!errors.isEmpty()) {
            throw LicensingException.invalid(errors);
        }
        return feature.get();
    }

    private Receipt mint(RegistrationForm form, Feature feature, String language, Actor actor) {
        var now = clock.now();
        var registration = new Registration(settings.registrationNumbers().generate(RANDOM), form, language, now);
        em.persist(registration);
        em.flush();
        audit.record(actor, "REGISTERED", registration.id(), registration.number().masked(),
                "company " + registration.company() + ", email " + registration.email());
        lifecycle.fire(LifecycleEvent.registrationCreated(registration.number().value(), now));
        var trial = trials.startTrial(registration, feature, LicenseSource.REGISTRATION, actor);
        outbox.queue(OutboxMail.welcome(registration, now));
        return new Receipt(registration.id(), registration.number(), trial);
    }

    /**
     * The first registration with an email decides which company it belongs to; the insert of the
     * claim is atomic, so two racing registrations for two companies cannot both win. A refusal tells
     * that the email is registered, so a client from the outside is refused only within its allowance
     * of failed look-ups, like a guessed registration number.
     */
    private void claimEmailForCompany(RegistrationForm form, Actor actor) {
        String email = Registration.normalizedEmail(form.email());
        String companyKey = Registration.companyKey(form.company());
        guesses.lookUp(outsideClient(actor), () -> ownerOf(email)
                        .filter(owner -> !owner.equals(companyKey))
                        .isEmpty() ? Optional.of(email) : Optional.empty())
                .orElseThrow(() -> new LicensingException(Failure.EMAIL_REGISTERED_TO_OTHER_COMPANY));
        registrations.claimEmailForCompany(email, companyKey, clock.now());
        if (!ownerOf(email).orElseThrow().equals(companyKey)) {
            throw new LicensingException(Failure.EMAIL_REGISTERED_TO_OTHER_COMPANY);
        }
    }

    private Optional<String> ownerOf(String email) {
        return registrations.companyOfEmail(email);
    }

    /** Staff and the store are not guessing: only the API's and the portal's clients are throttled. */
    private static String outsideClient(Actor actor) {
        return actor.type() == ActorType.API || actor.type() == ActorType.PORTAL ? actor.clientAddress() : null;
    }
}
