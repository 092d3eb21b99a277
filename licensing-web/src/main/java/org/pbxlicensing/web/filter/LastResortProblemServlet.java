package org.pbxlicensing.web.filter;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The error page of the web module: an internal error as problem+json, logged with an incident id. */
@WebServlet("/problem")
public class LastResortProblemServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(LastResortProblemServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String incident = UUID.randomUUID().toString();
        Object requestId = request.getAttribute(RequestId.ATTRIBUTE);
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (thrown instanceof Throwable t) {
            LOG.log(Level.SEVERE, "Unhandled failure, incident " + incident + ", request " + requestId, t);
        }
        response.setStatus(500);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.toString().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"status\":500,\"code\":\"INTERNAL_ERROR\","
                    + "\"title\":\"Internal error\",\"incident\":\"" + incident + "\""
                    + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"") + "}");
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html><head><title>Error</title></head><body>"
                    + "<h1>Something went wrong</h1><p>Incident " + incident + "</p></body></html>");
        }
    }
}
