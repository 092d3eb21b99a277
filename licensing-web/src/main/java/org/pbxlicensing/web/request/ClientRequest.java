package org.pbxlicensing.web.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.audit.Actor;

/**
 * Facts about the calling client that services need: its address and its language. One instance
 * for the application, asking the current request through the container's proxy: as a request-scoped
 * bean it was created, and its configuration looked up, for every request.
 */
@ApplicationScoped
public class ClientRequest {

    @Inject
    HttpServletRequest servletRequest;

    /** Addresses of reverse proxies whose {@code X-Forwarded-For} names the real client. */
    @Inject
    @ConfigProperty(name = "licensing.http.trusted-proxies", defaultValue = "none")
    List<String> trustedProxies;

    public String address() {
        return address(servletRequest);
    }

    /**
     * The address of the client of that request, which a hot path passes in itself: every call through
     * the container's proxy looks the current request up again.
     */
    public String address(HttpServletRequest request) {
        return ForwardedFor.client(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
    }

    /** "en" when the client prefers English, else "ru". */
    public String language() {
        return language(servletRequest);
    }

    /** The language of the client of that request. */
    public String language(HttpServletRequest request) {
        // Without the header the container answers its own default locale, which is not the client's.
        if (request.getHeader("Accept-Language") == null) {
            return "ru";
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            if (locale.getLanguage().equals("en") || locale.getLanguage().equals("ru")) {
                return locale.getLanguage();
            }
        }
        return "ru";
    }

    public Actor apiActor() {
        return Actor.api(address());
    }
}
