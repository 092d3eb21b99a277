package org.pbxlicensing.web.filter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.pbxlicensing.web.error.LastResortProblemServlet;

/**
 * Gives the browser the rules that keep another site from framing our pages, from running scripts we
 * did not send in them and from reading our answers as another type: pages (portal, admin area, error
 * pages) get the whole set, the JSON API and {@code /entitlement} only {@code nosniff}. Mapped for
 * error dispatches too, since the container clears an answer's headers before the error page of an
 * exception.
 */
public class SecurityHeadersFilter extends HttpFilter {

    /**
     * The context parameter that holds the pages' Content-Security-Policy. PrimeFaces reads it too and
     * appends the script nonce of each page it renders to its last directive, {@code script-src}.
     */
    static final String POLICY_PARAMETER = "primefaces.CSP_POLICY";
    /** Whether the original request was one of the API's, kept for its error dispatch (whose path is the error page's). */
    private static final String API_REQUEST = SecurityHeadersFilter.class.getName() + ".api";
    private static final long serialVersionUID = 1L;

    private String policy;
    private List<String> trustedProxies;

    @Override
    public void init() throws ServletException {
        policy = getServletContext().getInitParameter(POLICY_PARAMETER);
        if (policy == null || policy.isBlank()) {
            throw new ServletException(POLICY_PARAMETER + " must hold the pages' Content-Security-Policy");
        }
        trustedProxies = ConfigProvider.getConfig()
                .getOptionalValues("licensing.http.trusted-proxies", String.class).orElse(List.of());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (forApi(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(OnePolicyResponse.CSP, policy);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (OverHttps.of(request.isSecure(), request.getHeader(OverHttps.FORWARDED_PROTO), request.getRemoteAddr(),
                trustedProxies)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, new OnePolicyResponse(response));
    }

    /**
     * By the servlet the container chose, whose path it has normalised ({@code /api/../admin/} is the
     * admin area); an error dispatch goes by what its request was, or, when the container refused the
     * request before any filter, by what the error page will answer.
     */
    private static boolean forApi(HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return request.getAttribute(API_REQUEST) instanceof Boolean api ? api : LastResortProblemServlet.forApi(request);
        }
        String servletPath = request.getServletPath();
        boolean api = "/api".equals(servletPath) || "/entitlement".equals(servletPath);
        request.setAttribute(API_REQUEST, api);
        return api;
    }
}
