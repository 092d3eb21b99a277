package org.pbxlicensing.web.api.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.pbxlicensing.domain.binding.HostDetails;
import org.pbxlicensing.service.check.CheckService;
import org.pbxlicensing.web.api.json.JsonRequest;
import org.pbxlicensing.web.request.ClientRequest;

/** {@code POST /api/v1/checks}: the periodic question of a PBX; never binds, and writes nothing that could conflict. */
@Path("v1/checks")
@ApplicationScoped
public class CheckResource {

    @Inject
    CheckService checks;

    @Inject
    ClientRequest client;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public LicenseStatusView check(@Context HttpServletRequest request, byte[] body) {
        var json = JsonRequest.parse(body);
        String registrationNumber = json.requiredString("registrationNumber");
        String hostId = json.requiredString("hostId");
        if (hostId != null) {
            HostDetails.idViolation(hostId, "hostId").ifPresent(error -> json.addError(error.field(), error.code()));
        }
        json.requireValid();
        return LicenseStatusView.of(checks.check(registrationNumber, hostId, client.address(request)),
                client.language(request));
    }
}
