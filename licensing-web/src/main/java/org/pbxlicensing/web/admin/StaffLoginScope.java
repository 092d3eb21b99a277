package org.pbxlicensing.web.admin;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Keeps the staff's form login ({@link AdminSecurity}) off the machine endpoints. The container asks a
 * Jakarta Security mechanism about every request of the application, and the bridge that carries it
 * looks the bean manager up in JNDI twice per request: a tenth of the server's CPU under a load of
 * checks. The JSON API and {@code /entitlement} authenticate no caller, so their requests skip the
 * mechanism and run without one; every other request goes through it as before. The container still
 * enforces every security constraint on every request, so a request that skipped the mechanism by
 * mistake would be refused, not let in.
 */
@WebListener
public class StaffLoginScope implements ServletContextListener {

    private static final String LAYER = "HttpServlet";

    /** Servlet paths of the machine endpoints: the JSON API and the LicenseV2 endpoint. */
    static boolean isMachineEndpoint(String servletPath) {
        return "/api".equals(servletPath) || "/entitlement".equals(servletPath);
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        String appContext = context.getVirtualServerName() + " " + context.getContextPath();
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        AuthConfigProvider staffLogin = factory == null ? null : factory.getConfigProvider(LAYER, appContext, null);
        if (staffLogin != null) {
            factory.registerConfigProvider(new ScopedProvider(staffLogin), LAYER, appContext,
                    "staff login, not asked about the machine endpoints");
        }
    }

    private record ScopedProvider(AuthConfigProvider staffLogin) implements AuthConfigProvider {

        @Override
        public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            return staffLogin.getClientAuthConfig(layer, appContext, handler);
        }

        @Override
        public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            return new ScopedConfig(staffLogin.getServerAuthConfig(layer, appContext, handler), handler);
        }

        @Override
        public void refresh() {
            staffLogin.refresh();
        }
    }

    private record ScopedConfig(ServerAuthConfig staffLogin, CallbackHandler handler) implements ServerAuthConfig {

        @Override
        public ServerAuthContext getAuthContext(String authContextId, Subject serviceSubject,
                Map<String, Object> properties) throws AuthException {
            return new ScopedContext(staffLogin.getAuthContext(authContextId, serviceSubject, properties), handler);
        }

        @Override
        public String getMessageLayer() {
            return staffLogin.getMessageLayer();
        }

        @Override
        public String getAppContext() {
            return staffLogin.getAppContext();
        }

        @Override
        public String getAuthContextID(MessageInfo messageInfo) {
            return staffLogin.getAuthContextID(messageInfo);
        }

        @Override
        public void refresh() {
            staffLogin.refresh();
        }

        @Override
        public boolean isProtected() {
            return staffLogin.isProtected();
        }
    }

    private record ScopedContext(ServerAuthContext staffLogin, CallbackHandler handler) implements ServerAuthContext {

        @Override
        public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
            if (!isMachineRequest(message)) {
                return staffLogin.validateRequest(message, client, service);
            }
            try {
                // No caller: what the staff login itself answers for a request it has nothing to do with.
                handler.handle(new Callback[] {new CallerPrincipalCallback(client, (String) null)});
            } catch (IOException | UnsupportedCallbackException e) {
                throw (AuthException) new AuthException("No caller could be set").initCause(e);
            }
            return AuthStatus.SUCCESS;
        }

        @Override
        public AuthStatus secureResponse(MessageInfo message, Subject service) throws AuthException {
            return isMachineRequest(message) ? AuthStatus.SEND_SUCCESS : staffLogin.secureResponse(message, service);
        }

        @Override
        public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
            staffLogin.cleanSubject(message, subject);
        }

        private static boolean isMachineRequest(MessageInfo message) {
            return message.getRequestMessage() instanceof HttpServletRequest request
                    && isMachineEndpoint(request.getServletPath());
        }
    }
}
