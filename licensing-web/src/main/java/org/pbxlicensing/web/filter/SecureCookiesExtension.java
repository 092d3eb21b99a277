package org.pbxlicensing.web.filter;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts {@link SecureCookies} in front of the application. An Undertow extension instead of a
 * {@code secure-cookie()} line in {@code undertow-handlers.conf}: that handler only knows the
 * listener's scheme, not a TLS-terminating proxy the application trusts.
 */
public class SecureCookiesExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        ClassLoader application = deployment.getClassLoader();
        deployment.addInitialHandlerChainWrapper(next -> new SecureCookies(next, new TrustedProxies(application)));
    }

    /** {@code licensing.http.trusted-proxies}, read once from the application's configuration. */
    private static final class TrustedProxies implements java.util.function.Supplier<List<String>> {

        private final ClassLoader application;
        private volatile List<String> addresses;

        TrustedProxies(ClassLoader application) {
            this.application = application;
        }

        @Override
        public List<String> get() {
            List<String> known = addresses;
            if (known == null) {
                known = ConfigProvider.getConfig(application)
                        .getOptionalValues("licensing.http.trusted-proxies", String.class)
                        .orElse(List.of());
                addresses = known;
            }
            return known;
        }
    }
}
