package org.pbxlicensing.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The language of the pages: Russian unless the visitor switches to English. The choice is also kept in a
 * cookie of a year, so that a visitor whose session expired (and who is sent back to a page saying so)
 * still reads the pages in their language.
 */
@Named
@SessionScoped
public class Language implements Serializable {

    /** The cookie that keeps the choice; error pages read it too. */
    public static final String COOKIE = "language";
    private static final long serialVersionUID = 1L;
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final int A_YEAR_IN_SECONDS = 365 * 24 * 3600;

    private Locale locale = RUSSIAN;
    private boolean chosen;

    @PostConstruct
    void takeTheRememberedChoice() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getExternalContext().getRequestCookieMap().get(COOKIE) instanceof Cookie chosen) {
            locale = of(chosen.getValue());
            this.chosen = true;
        }
    }

    public Locale getLocale() {
        return locale;
    }

    public String getCode() {
        return locale.getLanguage();
    }

    public void use(String code) {
        locale = of(code);
        chosen = true;
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(locale);
        ExternalContext external = faces.getExternalContext();
        external.addResponseCookie(COOKIE, getCode(), Map.of("path", external.getRequestContextPath() + "/",
                "maxAge", A_YEAR_IN_SECONDS, "httpOnly", true));
    }

    /**
     * Speaks {@code code} (the language of a mail whose link the visitor followed) unless the visitor chose a
     * language in this browser: a choice of theirs is kept.
     */
    public void followUnlessChosen(String code) {
        if (!chosen) {
            locale = of(code);
        }
    }

    private static Locale of(String code) {
        return "en".equals(code) ? Locale.ENGLISH : RUSSIAN;
    }
}
