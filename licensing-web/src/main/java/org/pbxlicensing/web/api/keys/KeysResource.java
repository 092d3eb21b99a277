package org.pbxlicensing.web.api.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pbxlicensing.service.certificate.CertificateIssuer;

/** {@code GET /api/v1/keys}: the JWKS that certificates verify with. */
@Path("v1/keys")
@ApplicationScoped
public class KeysResource {

    /** The keys change only when the nodes restart after a rotation. */
    private static final String CACHE_CONTROL = "public, max-age=300";

    @Inject
    CertificateIssuer certificates;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response keys() {
        return Response.ok(certificates.jwksJson(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }
}
