package org.pbxlicensing.web.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.pbxlicensing.domain.failure.LicensingException;

@Provider
public class LicensingExceptionMapper implements ExceptionMapper<LicensingException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(LicensingException e) {
        return Problems.of(e, headers);
    }
}
