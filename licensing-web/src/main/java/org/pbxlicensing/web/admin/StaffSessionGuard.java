package org.pbxlicensing.web.admin;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.staff.StaffRole;
import org.pbxlicensing.service.staff.StaffDirectory;
import org.pbxlicensing.service.staff.StaffStanding;

/**
 * A staff session holds the role it logged in with; this filter holds every admin request against the
 * database. A member who was disabled, removed or given another role since is logged out at their next
 * request (a new role takes a new login). With {@code licensing.admin.require-totp} an admin without a
 * second factor sees only the enrolment page until they have one.
 */
@WebFilter("/admin/*")
public class StaffSessionGuard extends HttpFilter {

    static final String LOGIN = "/admin/login.xhtml";
    static final String ACCOUNT = "/admin/account.xhtml";

    @Inject
    StaffDirectory directory;

    @Inject
    @ConfigProperty(name = "licensing.admin.require-totp", defaultValue = "false")
    boolean requireTotp;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        StaffRole sessionRole = sessionRole(request);
        if (sessionRole == null) {
            chain.doFilter(request, response);
            return;
        }
        StaffStanding standing = directory.standing(request.getUserPrincipal().getName()).orElse(null);
        switch (decide(sessionRole, standing, requireTotp, request.getServletPath())) {
            case LOG_OUT -> {
                request.logout();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + LOGIN);
            }
            case ENROL -> response.sendRedirect(request.getContextPath() + ACCOUNT);
            case PASS -> chain.doFilter(request, response);
        }
    }

    enum Decision { PASS, LOG_OUT, ENROL }

    /**
     * What becomes of a request of a logged-in member: it passes; the member is logged out (gone, disabled,
     * or holding another role than the session); or an admin without a second factor, when one is required,
     * is sent to enrol (the account page and the login page stay open to them).
     */
    static Decision decide(StaffRole sessionRole, StaffStanding standing, boolean requireTotp, String path) {
        if (standing == null || !standing.enabled() || standing.role() != sessionRole) {
            return Decision.LOG_OUT;
        }
        if (requireTotp && sessionRole == StaffRole.ADMIN && !standing.totpEnabled()
                && !ACCOUNT.equals(path) && !LOGIN.equals(path)) {
            return Decision.ENROL;
        }
        return Decision.PASS;
    }

    /** The highest role the session's member holds; none for a visitor. */
    private static StaffRole sessionRole(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            return null;
        }
        StaffRole highest = null;
        for (StaffRole role : StaffRole.values()) {
            if (request.isUserInRole(role.name())) {
                highest = role;
            }
        }
        return highest;
    }
}
