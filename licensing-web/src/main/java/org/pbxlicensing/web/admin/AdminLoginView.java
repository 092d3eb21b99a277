package org.pbxlicensing.web.admin;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pbxlicensing.service.staff.StaffLoginThrottle;

/**
 * The staff login form: hands the credentials to Jakarta Security, which goes on to the page asked for;
 * for a member with a second factor, in two steps (password, then code).
 */
@Named
@RequestScoped
public class AdminLoginView {

    private static final String SOTERIA_CALLER_INITIATED_MARK = "org.glassfish.soteria.caller_initiated_authentication";

    @Inject
    SecurityContext security;

    @Inject
    LoginAttempt attempt;

    @Inject
    StaffLoginThrottle throttle;

    private String userName;
    private String password;
    private String code;

    public void logIn() throws IOException, ServletException {
        var request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        leaveTheCurrentLogin(request);
        PendingLogin.end(request.getSession(false));
        authenticate(new UsernamePasswordCredential(userName, new Password(password)));
        password = null;
    }

    /** The second step, for the member whose password was right in this session. */
    public void logInWithCode() throws IOException, ServletException {
        var request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        var pending = PendingLogin.of(request.getSession(false));
        if (pending.isEmpty()) {
            AdminMessages.error("login.code.lapsed");
            return;
        }
        authenticate(new StaffCodeCredential(pending.get().userName(), code));
        code = null;
    }

    /** Leaves a login waiting for its code, back to the user name and password. */
    public void startOver() {
        var request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        PendingLogin.end(request.getSession(false));
    }

    /** Whether the page asks for the code of a member whose password was right. */
    public boolean isAskingForCode() {
        var request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return PendingLogin.of(request.getSession(false)).isPresent();
    }

    private void authenticate(Credential credential) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        var request = (HttpServletRequest) external.getRequest();
        var response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = security.authenticate(request, response, withParams()
                .credential(credential)
                .newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                PendingLogin.end(request.getSession(false));
                request.changeSessionId();
                external.redirect(request.getContextPath() + "/admin/index.xhtml");
            }
            default -> {
                forgetFailedAuthentication(request);
                if (attempt.codeNeededFor() != null) {
                    PendingLogin.start(request.getSession(), attempt.codeNeededFor());
                    return;
                }
                if (attempt.wasThrottled()) {
                    PendingLogin.end(request.getSession(false));
                    // A guesser gets the API's answer to guessing: 429 with Retry-After.
                    external.setResponseStatus(429);
                    external.setResponseHeader("Retry-After", String.valueOf(throttle.retryAfterSeconds()));
                }
                boolean codeStep = credential instanceof StaffCodeCredential;
                AdminMessages.error(attempt.wasThrottled() ? (codeStep ? "login.code.throttled" : "login.throttled")
                        : codeStep ? "login.code.refused" : "login.refused");
            }
        }
    }

    /**
     * A member of staff who is still logged in and logs in again is logged out first. The form
     * mechanism's session (Soteria's auto-applied session) would otherwise answer any new login of
     * this session with the identity it already holds, so that any password, or another user's name,
     * "succeeded" as the old user.
     */
    private static void leaveTheCurrentLogin(HttpServletRequest request) throws ServletException {
        if (request.getUserPrincipal() != null) {
            request.logout();
        }
    }

    /**
     * Soteria keeps its mark of an authentication the application began in the session until one
     * succeeds; while the mark is there, every protected page answers an empty page instead of asking
     * for a login. A refused login takes the mark away.
     */
    private static void forgetFailedAuthentication(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SOTERIA_CALLER_INITIATED_MARK);
        }
    }

    public void logOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/admin/login.xhtml");
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
