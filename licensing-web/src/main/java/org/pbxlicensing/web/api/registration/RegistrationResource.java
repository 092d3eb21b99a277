package org.pbxlicensing.web.api.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pbxlicensing.domain.registration.RegistrationForm;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.service.registration.RegistrationService;
import org.pbxlicensing.web.api.json.JsonRequest;
import org.pbxlicensing.web.request.ClientRequest;
import org.pbxlicensing.web.api.support.IdempotencyKeys;
import org.pbxlicensing.web.api.support.IdempotentWrites;

/** {@code POST /api/v1/registrations}: a new customer, a new registration number, a trial. */
@Path("v1/registrations")
@ApplicationScoped
@RetryOnConflict
public class RegistrationResource {

    @Inject
    RegistrationService registrations;

    @Inject
    IdempotentWrites writes;

    @Inject
    ClientRequest client;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, byte[] body) {
        var form = readForm(JsonRequest.parse(body));
        return writes.run("registration", idempotencyKey, body, 201, () -> {
            var receipt = registrations.register(form, client.language(), client.apiActor());
            return RegistrationAnswer.of(receipt);
        });
    }

    private static RegistrationForm readForm(JsonRequest json) {
        var form = new RegistrationForm(
                json.string("company"),
                json.string("contactPerson"),
                json.string("email"),
                json.string("phone"),
                json.string("taxId"),
                json.string("country"),
                json.string("city"),
                json.integer("feature"),
                json.bool("consent"));
        json.requireValid();
        return form;
    }
}
