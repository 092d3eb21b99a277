package org.pbxlicensing.web.api.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.service.registration.RegistrationReminders;
import org.pbxlicensing.web.api.json.JsonRequest;
import org.pbxlicensing.web.request.ClientRequest;

/**
 * {@code POST /api/v1/registration-reminders}: mails the registration numbers of an email to it. The
 * answer is the same whether or not the email is known.
 */
@Path("v1/registration-reminders")
@ApplicationScoped
@RetryOnConflict
public class RegistrationReminderResource {

    @Inject
    RegistrationReminders reminders;

    @Inject
    ClientRequest client;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response remind(byte[] body) {
        var json = JsonRequest.parse(body);
        String email = json.string("email");
        json.requireValid();
        String language = client.language();
        reminders.request(email, language, client.address());
        return Response.accepted(ReminderAnswer.in(language)).type(MediaType.APPLICATION_JSON).build();
    }

    public record ReminderAnswer(String message) {

        private static final String ENGLISH =
                "If this address belongs to a registration, its registration numbers are on their way to it.";
        private static final String RUSSIAN =
                "Если этот адрес указан при регистрации, на него отправлено письмо с регистрационными номерами.";

        static ReminderAnswer in(String language) {
            return new ReminderAnswer("en".equals(language) ? ENGLISH : RUSSIAN);
        }
    }
}
