package org.pbxlicensing.web.error;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.web.api.json.JsonAnswers;
import org.pbxlicensing.web.api.problem.ProblemCode;
import org.pbxlicensing.web.api.problem.Problems;
import org.pbxlicensing.web.request.RequestId;

/**
 * The error page of the web module. A client error that the container or RESTEasy answered before
 * the application saw the request (a header it cannot parse, a path that is not UTF-8) becomes the
 * API's 4xx problem+json, or for a page a page in the visitor's language ({@link ErrorPage});
 * anything else is an internal error, logged with an incident id. Asked for directly, it is a 404
 * like any path without a page.
 */
@WebServlet("/problem")
public class LastResortProblemServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(LastResortProblemServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // Asked for by its path, not by the container after a failure: there is no page here.
            response.sendError(404);
            return;
        }
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (!(thrown instanceof Throwable) && status instanceof Integer code && code >= 400 && code < 500) {
            clientError(code, request, response);
            return;
        }
        String incident = UUID.randomUUID().toString();
        Object requestId = request.getAttribute(RequestId.ATTRIBUTE);
        if (thrown instanceof Throwable t) {
            LOG.log(Level.SEVERE, "Unhandled failure, incident " + incident + ", request " + requestId, t);
        }
        response.setStatus(500);
        if (forApi(request)) {
            response.setContentType(Problems.MEDIA_TYPE);
            response.getWriter().write("{\"type\":\"about:blank\",\"status\":500,\"code\":\"INTERNAL_ERROR\","
                    + "\"title\":\"Internal error\",\"incident\":\"" + incident + "\""
                    + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"") + "}");
        } else {
            ErrorPage.writeServerError(incident, request, response);
        }
    }

    private static void clientError(int status, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setStatus(status);
        if (!forApi(request)) {
            ErrorPage.write(status, request, response);
            return;
        }
        List<Locale> languages = languages(request);
        var body = switch (status) {
            case 404 -> Problems.body(new LicensingException(Failure.NOT_FOUND), languages);
            case 405 -> Problems.body(ProblemCode.METHOD_NOT_ALLOWED, languages);
            case 406 -> Problems.body(ProblemCode.NOT_ACCEPTABLE, languages);
            case 413 -> Problems.body(ProblemCode.PAYLOAD_TOO_LARGE, languages);
            case 415 -> Problems.body(ProblemCode.UNSUPPORTED_MEDIA_TYPE, languages);
            default -> Problems.body(LicensingException.invalid("", FieldError.INVALID_FORMAT), languages);
        };
        body.put("status", status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.getWriter().write(JsonAnswers.write(body));
    }

    /** The client's languages, none when its Accept-Language is what could not be parsed. */
    private static List<Locale> languages(HttpServletRequest request) {
        try {
            return Collections.list(request.getLocales());
        } catch (RuntimeException malformedHeader) {
            return List.of();
        }
    }

    /** Whether the failed request was one of the JSON API or LicenseV2, which answer problem+json. */
    public static boolean forApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        return path.startsWith(request.getContextPath() + "/api/") || path.equals(request.getContextPath() + "/entitlement");
    }
}
