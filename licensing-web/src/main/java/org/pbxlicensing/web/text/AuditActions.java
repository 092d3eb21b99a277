package org.pbxlicensing.web.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.pbxlicensing.domain.audit.ActorType;

/**
 * The audit trail's actions and actors in the reader's words, Russian or English: the customer's license
 * history and the admin area's audit pages name them alike, and neither shows the code the trail keeps.
 */
@Named
@ApplicationScoped
public class AuditActions {

    private static final String BUNDLE = "org.pbxlicensing.web.text.auditActions";
    private static final String ACTION = "action.";

    /** The action in the page's language; an action without a text yet reads as "other change". */
    public String action(String code) {
        return actionText(code, PageLanguage.current());
    }

    public String actor(ActorType type) {
        return type == null ? "" : bundle(PageLanguage.current()).getString("actor." + type.name());
    }

    /** Every action that has a text, sorted by code: what a filter can offer. */
    public List<String> getCodes() {
        return bundle(Locale.ENGLISH).keySet().stream()
                .filter(key -> key.startsWith(ACTION) && !key.equals(ACTION + "other"))
                .map(key -> key.substring(ACTION.length()))
                .sorted()
                .toList();
    }

    public static String actionText(String code, Locale language) {
        ResourceBundle texts = bundle(language);
        String key = ACTION + code;
        return texts.containsKey(key) ? texts.getString(key) : texts.getString(ACTION + "other");
    }

    static ResourceBundle bundle(Locale language) {
        Locale supported = "en".equals(language.getLanguage()) ? Locale.ENGLISH : RefusalTexts.RUSSIAN;
        return ResourceBundle.getBundle(BUNDLE, supported, AuditActions.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }


    static List<String> keys(Locale language) {
        return Collections.list(bundle(language).getKeys());
    }
}
