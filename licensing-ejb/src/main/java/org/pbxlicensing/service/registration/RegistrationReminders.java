package org.pbxlicensing.service.registration;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.mail.OutboxMail;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.registration.RegistrationFormRules;
import org.pbxlicensing.infrastructure.config.LicensingSettings;
import org.pbxlicensing.infrastructure.time.ServerClock;
import org.pbxlicensing.service.mail.MailOutbox;
import org.pbxlicensing.service.throttle.Throttle;

/**
 * A customer who forgot their registration number asks for it by email. The request does the same
 * work whether or not the email is known (count the attempt, queue a reminder); only the sender,
 * after the answer, looks the registrations up and sends nothing for an unknown email. So neither
 * the answer nor its timing tells whether an email is registered.
 */
@Stateless
public class RegistrationReminders {

    @Inject
    Throttle throttle;

    @Inject
    LicensingSettings settings;

    @Inject
    MailOutbox outbox;

    @Inject
    ServerClock clock;

    @Inject
    MailedRequestLimits limits;

    /**
     * @throws LicensingException {@code VALIDATION_FAILED} for a malformed email, {@code TOO_MANY_ATTEMPTS}
     *     when the client or the email asked too often in the last hour
     */
    public void request(String email, String language, String client) {
        RegistrationFormRules.emailViolation("email", email).ifPresent(error -> {
            throw LicensingException.invalid(List.of(error));
        });
        String normalized = Registration.normalizedEmail(email);
        count(normalized, client);
        outbox.queue(OutboxMail.registrationReminder(normalized, language, clock.now()));
    }

    /**
     * The welcome mail of a registration once more, to its own email, for a customer who submitted the
     * registration form again; counted against the same limits as a reminder.
     *
     * @throws LicensingException {@code TOO_MANY_ATTEMPTS} when the client or the email asked too often
     *     in the last hour
     */
    public void resendWelcome(Registration registration, String client) {
        count(Registration.normalizedEmail(registration.email()), client);
        outbox.queue(OutboxMail.welcome(registration, clock.now()));
    }

    private void count(String normalizedEmail, String client) {
        if (settings.throttleEnabled()) {
            throttle.count(limits.subjects("reminder", normalizedEmail, client));
        }
    }
}
