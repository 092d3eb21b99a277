package org.pbxlicensing.web.api.eula;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pbxlicensing.domain.binding.HostDetails;
import org.pbxlicensing.domain.eula.EulaDraftRules;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.infrastructure.retry.RetryOnConflict;
import org.pbxlicensing.service.eula.EulaService;
import org.pbxlicensing.web.api.json.JsonRequest;
import org.pbxlicensing.web.request.ClientRequest;

/** {@code POST /api/v1/eula-acceptances}: the administrator of a host accepted the agreement in force. */
@Path("v1/eula-acceptances")
@ApplicationScoped
@RetryOnConflict
public class EulaAcceptanceResource {

    @Inject
    EulaService eulas;

    @Inject
    ClientRequest client;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response accept(byte[] body) {
        var json = JsonRequest.parse(body);
        String registrationNumber = json.requiredString("registrationNumber");
        String hostId = json.requiredString("hostId");
        String version = json.requiredString("version");
        if (hostId != null) {
            HostDetails.idViolation(hostId, "hostId").ifPresent(error -> json.addError(error.field(), error.code()));
        }
        if (version != null && version.length() > EulaDraftRules.MAX_VERSION_LENGTH) {
            json.addError("version", FieldError.TOO_LONG);
        }
        json.requireValid();
        eulas.accept(registrationNumber, hostId, version, client.apiActor());
        return Response.noContent().build();
    }
}
