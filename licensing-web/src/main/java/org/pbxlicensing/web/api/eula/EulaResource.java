package org.pbxlicensing.web.api.eula;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.registration.RegistrationForm;
import org.pbxlicensing.service.eula.EulaCatalog;
import org.pbxlicensing.web.request.ClientRequest;

/** {@code GET /api/v1/eula?feature=33}: the agreement in force for a feature, in the client's language. */
@Path("v1/eula")
@ApplicationScoped
public class EulaResource {

    @Inject
    EulaCatalog eulas;

    @Inject
    ClientRequest client;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response current(@QueryParam("feature") String feature) {
        String language = client.language();
        var version = eulas.current(featureNumber(feature))
                .orElseThrow(() -> new LicensingException(Failure.NOT_FOUND));
        return Response.ok(EulaView.of(version, language))
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .build();
    }

    /** Like every other request, feature 33 when none is named. */
    private static int featureNumber(String feature) {
        if (feature == null) {
            return RegistrationForm.DEFAULT_FEATURE;
        }
        try {
            return Integer.parseInt(feature.strip());
        } catch (NumberFormatException e) {
            throw LicensingException.invalid("feature", FieldError.INVALID_FORMAT);
        }
    }
}
