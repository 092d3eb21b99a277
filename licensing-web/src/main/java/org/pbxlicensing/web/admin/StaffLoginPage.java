package org.pbxlicensing.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.pbxlicensing.web.faces.ExpiredPage;

/**
 * Where the staff login sends a request for an admin page without a staff member ({@link AdminSecurity}):
 * the login page, which says that the page had expired when the request was a form posted from an admin
 * page, whose session is then gone.
 */
@Named
@ApplicationScoped
public class StaffLoginPage {

    private static final String LOGIN = "/admin/login.xhtml";

    @Inject
    HttpServletRequest request;

    public String getPath() {
        if (!"POST".equals(request.getMethod())) {
            return LOGIN;
        }
        ExpiredPage.report(request.getServletPath(), LOGIN);
        return ExpiredPage.marked(LOGIN);
    }
}
