package org.pbxlicensing.web.api.problem;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;

/**
 * Everything that is not a business refusal still reaches the client as problem+json with a stable
 * code and without a stack trace: HTTP-level errors, an unreachable database (503), and any
 * unexpected failure (500, logged with an id the client also gets).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable thrown) {
        LicensingException refusal = find(thrown, LicensingException.class);
        if (refusal != null) {
            return Problems.of(refusal, headers);
        }
        if (find(thrown, PayloadTooLargeException.class) != null) {
            return Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, headers);
        }
        if (thrown instanceof WebApplicationException web) {
            return forHttpError(web);
        }
        if (DatabaseOutage.isCause(thrown)) {
            LOG.warning(() -> "Database unavailable: " + rootCause(thrown));
            return Problems.of(ProblemCode.SERVICE_UNAVAILABLE, headers);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, thrown);
        return Problems.of(ProblemCode.INTERNAL_ERROR, headers, java.util.Map.of("incident", incident));
    }

    private Response forHttpError(WebApplicationException web) {
        if (web instanceof NotFoundException) {
            return Problems.of(new LicensingException(Failure.NOT_FOUND), headers);
        }
        if (web instanceof NotAllowedException) {
            return Problems.of(ProblemCode.METHOD_NOT_ALLOWED, headers);
        }
        if (web instanceof NotSupportedException) {
            return Problems.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, headers);
        }
        if (web instanceof NotAcceptableException) {
            return Problems.of(ProblemCode.NOT_ACCEPTABLE, headers);
        }
        int status = web.getResponse() == null ? 500 : web.getResponse().getStatus();
        if (status == 413) {
            return Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, headers);
        }
        if (status >= 400 && status < 500) {
            return Problems.of(LicensingException.invalid("", FieldError.MALFORMED_JSON), headers);
        }
        LOG.log(Level.SEVERE, "HTTP error " + status, web);
        return Problems.of(ProblemCode.INTERNAL_ERROR, headers);
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootCause(Throwable thrown) {
        Throwable t = thrown;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
