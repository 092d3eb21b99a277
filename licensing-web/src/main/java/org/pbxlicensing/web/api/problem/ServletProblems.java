package org.pbxlicensing.web.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.web.api.json.JsonAnswers;

/** Writes the same problem+json answers as the JAX-RS API, for servlets outside it. */
public final class ServletProblems {

    private ServletProblems() {
    }

    public static void write(LicensingException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (e.details().get("retryAfterSeconds") instanceof Number seconds) {
            response.setHeader("Retry-After", String.valueOf(seconds.longValue()));
        }
        write(Problems.body(e, Collections.list(request.getLocales())), response);
    }

    public static void write(ProblemCode code, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        write(Problems.body(code, Collections.list(request.getLocales())), response);
    }

    private static void write(Map<String, Object> body, HttpServletResponse response) throws IOException {
        response.setStatus((Integer) body.get("status"));
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JsonAnswers.write(body));
    }
}
