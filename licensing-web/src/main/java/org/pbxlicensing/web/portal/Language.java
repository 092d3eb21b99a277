package org.pbxlicensing.web.portal;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The language of the pages: Russian unless the visitor switches to English. */
@Named
@SessionScoped
public class Language implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private Locale locale = RUSSIAN;

    public Locale getLocale() {
        return locale;
    }

    public String getCode() {
        return locale.getLanguage();
    }

    public void use(String code) {
        locale = "en".equals(code) ? Locale.ENGLISH : RUSSIAN;
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }
}
