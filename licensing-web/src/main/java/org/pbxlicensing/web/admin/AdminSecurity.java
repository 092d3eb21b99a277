package org.pbxlicensing.web.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import org.pbxlicensing.domain.staff.StaffRole;

/**
 * Staff log in with a form of our own; the mechanism only asks for a login where web.xml protects
 * a page (the admin area), so the portal's own login and the JSON API stay as they are. The login
 * page's address is asked of {@link StaffLoginPage} at each request (a deferred expression).
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "#{staffLoginPage.path}", errorPage = "", useForwardToLogin = false))
@DeclareRoles({StaffRole.ADMIN_NAME, StaffRole.SUPPORT_NAME, StaffRole.VIEWER_NAME})
public class AdminSecurity {
}
