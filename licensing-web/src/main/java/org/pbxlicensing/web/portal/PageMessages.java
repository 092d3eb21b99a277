package org.pbxlicensing.web.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.pbxlicensing.domain.failure.LicensingException;

/** Puts texts of the page bundle, and refusals of business rules, on the page as Faces messages. */
public final class PageMessages {

    private static final String BUNDLE = "org.pbxlicensing.web.portal.messages";

    private PageMessages() {
    }

    public static String text(String key) {
        var context = FacesContext.getCurrentInstance();
        try {
            return ResourceBundle.getBundle(BUNDLE, context.getViewRoot().getLocale(),
                    PageMessages.class.getClassLoader()).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public static void info(String key) {
        add(null, FacesMessage.SEVERITY_INFO, text(key));
    }

    public static void error(String key) {
        add(null, FacesMessage.SEVERITY_ERROR, text(key));
    }

    public static void error(String key, Object... arguments) {
        add(null, FacesMessage.SEVERITY_ERROR, MessageFormat.format(text(key), arguments));
    }

    /** The refusal's code as a message, and each field error on its own field (component id = field name). */
    public static void refusal(LicensingException e, String formId) {
        if (e.fieldErrors().isEmpty()) {
            error("failure." + e.failure().name());
            return;
        }
        for (var field : e.fieldErrors()) {
            add(formId + ":" + field.field(), FacesMessage.SEVERITY_ERROR, text("field." + field.code()));
        }
        error("failure." + e.failure().name());
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
