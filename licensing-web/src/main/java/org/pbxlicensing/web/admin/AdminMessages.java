package org.pbxlicensing.web.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.web.text.RefusalTexts;

/** Texts of the admin bundle as Faces messages; refusals of business rules in the staff's words, never their codes. */
final class AdminMessages {

    private static final String BUNDLE = "org.pbxlicensing.web.admin.messages";

    private AdminMessages() {
    }

    static String text(String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                    AdminMessages.class.getClassLoader()).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    static void info(String key) {
        add(FacesMessage.SEVERITY_INFO, text(key));
    }

    static void error(String key) {
        add(FacesMessage.SEVERITY_ERROR, text(key));
    }

    /** A text composed already (e.g. with the reason a service gave). */
    static void errorText(String text) {
        add(FacesMessage.SEVERITY_ERROR, text);
    }

    static void refusal(LicensingException e) {
        var reason = e.fieldErrors().stream().filter(f -> "reason".equals(f.field())).findFirst();
        if (reason.isPresent()) {
            // Staff are told in their language what the audit log wants of them, not a field code.
            error(FieldError.TOO_LONG.equals(reason.get().code()) ? "reason.tooLong" : "reason.required");
            return;
        }
        if (e.fieldErrors().size() == 1) {
            FieldError only = e.fieldErrors().get(0);
            String key = "refused." + only.field() + "." + only.code();
            if (!text(key).equals(key)) {
                error(key);
                return;
            }
        }
        add(FacesMessage.SEVERITY_ERROR, inWords(e));
    }

    /** A refusal without a text of the admin area's own, in the API's words: never its codes. */
    private static String inWords(LicensingException e) {
        Locale language = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        var text = new StringBuilder(text("failure")).append(' ')
                .append(RefusalTexts.find(e.failure().name(), language).orElseGet(() -> text("failure.other")));
        for (FieldError field : e.fieldErrors()) {
            String label = text("field." + field.field());
            text.append("; ");
            if (!label.equals("field." + field.field())) {
                text.append(label).append(": ");
            }
            String ownText = text("fieldError." + field.code());
            text.append(!ownText.equals("fieldError." + field.code()) ? ownText
                    : RefusalTexts.find("field." + field.code(), language).orElseGet(() -> text("failure.other")));
        }
        return text.toString();
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
