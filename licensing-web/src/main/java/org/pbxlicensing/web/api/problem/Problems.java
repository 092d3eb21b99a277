package org.pbxlicensing.web.api.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.web.request.RequestId;
import org.pbxlicensing.web.text.RefusalTexts;

/**
 * Builds RFC 9457 error answers ({@code application/problem+json}) with a stable {@code code} and a
 * {@code title} in the client's language (Russian unless it prefers English).
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Locale RUSSIAN = RefusalTexts.RUSSIAN;

    private Problems() {
    }

    public static Response of(LicensingException e, HttpHeaders headers) {
        var body = refusalBody(e, language(headers));
        var response = Response.fromResponse(response(body));
        if (e.details().get("retryAfterSeconds") instanceof Number seconds) {
            response.header("Retry-After", seconds.longValue());
        }
        if (e.failure() == org.pbxlicensing.domain.failure.Failure.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }

    public static Response of(ProblemCode code, HttpHeaders headers) {
        return response(body(code.status(), code.name(), headers));
    }

    public static Response of(ProblemCode code, List<Locale> acceptableLanguages) {
        return response(body(code.status(), code.name(), language(acceptableLanguages)));
    }

    public static Response of(ProblemCode code, HttpHeaders headers, Map<String, Object> details) {
        var body = body(code.status(), code.name(), headers);
        details.forEach(body::putIfAbsent);
        return response(body);
    }

    /** The body of a refusal's problem, for answers written outside JAX-RS. */
    public static Map<String, Object> body(LicensingException e, List<Locale> acceptableLanguages) {
        return refusalBody(e, language(acceptableLanguages));
    }

    /** The body of an HTTP-level problem, for answers written outside JAX-RS. */
    public static Map<String, Object> body(ProblemCode code, List<Locale> acceptableLanguages) {
        return body(code.status(), code.name(), language(acceptableLanguages));
    }

    private static Map<String, Object> refusalBody(LicensingException e, Locale language) {
        var body = body(ProblemStatus.of(e.failure()), e.failure().name(), language);
        if (!e.fieldErrors().isEmpty()) {
            body.put("errors", fieldErrors(e.fieldErrors(), language));
        }
        e.details().forEach(body::putIfAbsent);
        return body;
    }

    private static Map<String, Object> body(int status, String code, HttpHeaders headers) {
        return body(status, code, language(headers));
    }

    private static Map<String, Object> body(int status, String code, Locale language) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("status", status);
        body.put("code", code);
        body.put("title", text(code, language));
        String requestId = RequestId.current();
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return body;
    }

    private static List<Map<String, String>> fieldErrors(List<FieldError> errors, Locale language) {
        return errors.stream()
                .map(error -> Map.of(
                        "field", error.field(),
                        "code", error.code(),
                        "message", text("field." + error.code(), language)))
                .toList();
    }

    private static Response response(Map<String, Object> body) {
        var builder = Response.status((Integer) body.get("status")).type(MEDIA_TYPE).entity(body);
        return builder.build();
    }

    /** Russian by default; English when the client prefers it. */
    public static Locale language(HttpHeaders headers) {
        if (headers == null) {
            return RUSSIAN;
        }
        try {
            return language(headers.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return RUSSIAN;
        }
    }

    static Locale language(List<Locale> acceptableLanguages) {
        try {
            for (Locale locale : acceptableLanguages) {
                if (locale.getLanguage().equals("en")) {
                    return Locale.ENGLISH;
                }
                if (locale.getLanguage().equals("ru")) {
                    return RUSSIAN;
                }
            }
        } catch (RuntimeException malformedHeader) {
            return RUSSIAN;
        }
        return RUSSIAN;
    }

    private static String text(String key, Locale language) {
        return RefusalTexts.text(key, language);
    }
}
