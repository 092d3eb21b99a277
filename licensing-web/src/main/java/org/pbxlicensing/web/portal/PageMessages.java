package org.pbxlicensing.web.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.web.text.RefusalTexts;

/** Puts texts of the page bundle, and refusals of business rules, on the page as Faces messages. */
public final class PageMessages {

    private static final String BUNDLE = "org.pbxlicensing.web.portal.messages";

    private PageMessages() {
    }

    public static String text(String key) {
        return find(key).orElse(key);
    }

    public static void info(String key) {
        add(null, FacesMessage.SEVERITY_INFO, text(key));
    }

    /** An information, with its arguments, that survives the redirect to the next page. */
    public static void infoOnNextPage(String key, Object... arguments) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        add(null, FacesMessage.SEVERITY_INFO, MessageFormat.format(text(key), arguments));
    }

    public static void error(String key) {
        add(null, FacesMessage.SEVERITY_ERROR, text(key));
    }

    public static void error(String key, Object... arguments) {
        add(null, FacesMessage.SEVERITY_ERROR, MessageFormat.format(text(key), arguments));
    }

    /** A refusal as the customer reads it: the portal's own text, else the API's title, never its code. */
    public static void failure(Failure failure) {
        failure("failure.", failure);
    }

    /** A refusal in the page's own words ({@code <keyPrefix><code>}) if it has them, else as {@link #failure}. */
    public static void failure(String keyPrefix, Failure failure) {
        add(null, FacesMessage.SEVERITY_ERROR, find(keyPrefix + failure.name())
                .orElseGet(() -> readable("failure." + failure.name(), failure.name(), "failure.other")));
    }

    /**
     * The refusal, and each field error both on its field (component id = field name) and in the
     * page's summary, where it names its field by the field's label ({@code <labelPrefix><field>}).
     */
    public static void refusal(LicensingException e, String formId, String labelPrefix) {
        failure(e.failure());
        for (var field : e.fieldErrors()) {
            String error = readable("field." + field.code(), "field." + field.code(), "field.other");
            String label = find(labelPrefix + field.field()).orElse(field.field());
            FacesContext.getCurrentInstance().addMessage(formId + ":" + field.field(), new FacesMessage(
                    FacesMessage.SEVERITY_ERROR, MessageFormat.format(text("field.named"), label, error), error));
        }
    }

    private static String readable(String portalKey, String apiKey, String fallbackKey) {
        return find(portalKey)
                .or(() -> RefusalTexts.find(apiKey, FacesContext.getCurrentInstance().getViewRoot().getLocale()))
                .orElseGet(() -> text(fallbackKey));
    }

    private static Optional<String> find(String key) {
        var context = FacesContext.getCurrentInstance();
        try {
            return Optional.of(ResourceBundle.getBundle(BUNDLE, context.getViewRoot().getLocale(),
                    PageMessages.class.getClassLoader()).getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }
}
