package org.pbxlicensing.web.licensev2;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.licensev2.EntitlementRequestReader;
import org.pbxlicensing.service.licensev2.EntitlementAnswer;
import org.pbxlicensing.service.licensev2.EntitlementService;
import org.pbxlicensing.web.api.problem.DatabaseOutage;
import org.pbxlicensing.web.api.problem.ProblemCode;
import org.pbxlicensing.web.api.problem.ServletProblems;
import org.pbxlicensing.web.request.ClientRequest;

/**
 * {@code POST /entitlement}: the path is fixed by the MikoPBX client, beside the JSON API rather than
 * under it, so it is a servlet of its own with its own body limit. Tokens, refusals and replays are
 * the protocol's answers; anything else is an unsigned problem+json, which the PBX takes as transient.
 */
@WebServlet("/entitlement")
public class EntitlementServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final long DRAIN_BYTES = 8L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(EntitlementServlet.class.getName());

    @Inject
    transient EntitlementService entitlements;

    @Inject
    transient ClientRequest client;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            ServletProblems.write(ProblemCode.METHOD_NOT_ALLOWED, request, response);
            return;
        }
        try {
            byte[] body = body(request);
            if (body == null) {
                ServletProblems.write(ProblemCode.PAYLOAD_TOO_LARGE, request, response);
                return;
            }
            write(entitlements.answer(body, client.apiActor()), response);
        } catch (LicensingException e) {
            ServletProblems.write(e, request, response);
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e)) {
                LOG.warning(() -> "Database unavailable: " + e);
                ServletProblems.write(ProblemCode.SERVICE_UNAVAILABLE, request, response);
            } else {
                LOG.log(Level.SEVERE, "Unexpected failure, incident " + UUID.randomUUID(), e);
                ServletProblems.write(ProblemCode.INTERNAL_ERROR, request, response);
            }
        }
    }

    /** The body, or null when it is larger than the protocol allows. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(EntitlementRequestReader.MAX_BODY_BYTES + 1);
            if (body.length <= EntitlementRequestReader.MAX_BODY_BYTES) {
                return body;
            }
            // Read on a little, so that a client still sending hears the 413 instead of a reset connection.
            byte[] discard = new byte[64 * 1024];
            for (long drained = 0; drained < DRAIN_BYTES; ) {
                int n = in.read(discard);
                if (n < 0) {
                    break;
                }
                drained += n;
            }
            return null;
        }
    }

    private static void write(EntitlementAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(answer.body());
    }
}
