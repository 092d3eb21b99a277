package org.pbxlicensing.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.service.registration.RegistrationReminders;
import org.pbxlicensing.web.request.ClientRequest;

/** "Forgot my registration number": the same answer whether or not the email is known. */
@Named
@RequestScoped
public class ReminderView {

    @Inject
    RegistrationReminders reminders;

    @Inject
    ClientRequest client;

    @Inject
    Language language;

    private String email;

    public void send() {
        try {
            reminders.request(email == null ? "" : email.strip(), language.getCode(), client.address());
            PageMessages.info("forgot.sent");
            email = null;
        } catch (LicensingException e) {
            PageMessages.error(e.failure() == Failure.TOO_MANY_ATTEMPTS ? "failure.TOO_MANY_ATTEMPTS" : "forgot.invalid");
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
