package org.pbxlicensing.web.api.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import org.pbxlicensing.domain.audit.Actor;

/** Facts about the calling client that services need: its address and its language. */
@RequestScoped
public class ClientRequest {

    @Inject
    HttpServletRequest servletRequest;

    public String address() {
        return servletRequest.getRemoteAddr();
    }

    /** "en" when the client prefers English, else "ru". */
    public String language() {
        for (Locale locale : Collections.list(servletRequest.getLocales())) {
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
