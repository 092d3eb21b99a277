package org.pbxlicensing.web.api.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pbxlicensing.domain.binding.HostDetails;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.registration.RegistrationForm;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.service.check.ActivationFacade;
import org.pbxlicensing.web.api.json.JsonRequest;
import org.pbxlicensing.web.request.ClientRequest;
import org.pbxlicensing.web.api.support.IdempotencyKeys;
import org.pbxlicensing.web.api.support.IdempotentWrites;

/** {@code POST /api/v1/activations}: binds a host and answers its license status. */
@Path("v1/activations")
@ApplicationScoped
@RetryOnConflict
public class ActivationResource {

    @Inject
    ActivationFacade activations;

    @Inject
    IdempotentWrites writes;

    @Inject
    ClientRequest client;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response activate(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, byte[] body) {
        var json = JsonRequest.parse(body);
        String registrationNumber = json.requiredString("registrationNumber");
        Integer feature = json.integer("feature");
        var hostJson = json.object("host");
        HostDetails host = null;
        if (hostJson == null) {
            json.addError("host", FieldError.REQUIRED);
        } else {
            host = new HostDetails(hostJson.requiredString("id"), hostJson.string("name"), hostJson.string("os"),
                    hostJson.string("productVersion"));
            HostDetails.violations(host, "host.").stream()
                    .filter(error -> !json.errors().contains(error))
                    .forEach(error -> json.addError(error.field(), error.code()));
        }
        json.requireValid();

        HostDetails activatingHost = host;
        int featureNumber = feature == null ? RegistrationForm.DEFAULT_FEATURE : feature;
        return writes.run("activation", idempotencyKey, body, 200, () -> {
            var report = activations.activate(registrationNumber, featureNumber, activatingHost, client.apiActor());
            return LicenseStatusView.of(report, client.language());
        });
    }
}
