package org.pbxlicensing.web.filter;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;
import org.pbxlicensing.infrastructure.metrics.Meters;

/**
 * Times the requests of the JSON API and of {@code /entitlement} per endpoint, method and status
 * ({@code licensing.http.requests}) and logs one line for each. The endpoint is the path template
 * ({@code /api/v1/registrations/{number}/bindings}), never the path itself, which may hold a
 * registration number; the JSON API names it in {@link #ENDPOINT}. Portal and admin pages are not timed.
 */
public class RequestMetricsFilter extends HttpFilter {

    /** The request attribute in which the JSON API names the template of the endpoint it matched. */
    public static final String ENDPOINT = RequestMetricsFilter.class.getName() + ".endpoint";

    private static final long serialVersionUID = 1L;
    private static final Logger ACCESS = Logger.getLogger("org.pbxlicensing.access");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String ENTITLEMENT = "/entitlement";
    private static final String API = "/api";

    @Inject
    transient Meters meters;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            String endpoint = endpoint(request);
            if (endpoint != null) {
                record(request.getMethod(), endpoint, failed ? 500 : response.getStatus(), System.nanoTime() - start);
            }
        }
    }

    private void record(String method, String endpoint, int status, long nanos) {
        String knownMethod = METHODS.contains(method) ? method : "OTHER";
        meters.timer("licensing.http.requests",
                        "endpoint", endpoint, "method", knownMethod, "status", String.valueOf(status))
                .record(Duration.ofNanos(nanos));
        ACCESS.info(() -> knownMethod + " " + endpoint + " " + status + " " + (nanos / 1_000_000) + " ms");
    }

    private static String endpoint(HttpServletRequest request) {
        if (request.getAttribute(ENDPOINT) instanceof String template) {
            return template;
        }
        String servletPath = request.getServletPath();
        if (ENTITLEMENT.equals(servletPath)) {
            return ENTITLEMENT;
        }
        if (API.equals(servletPath)) {
            return "/api/*";
        }
        return null;
    }
}
