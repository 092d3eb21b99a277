package org.pbxlicensing.web.text;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The words a client reads for a refusal ({@code VALIDATION_FAILED}) or a field error
 * ({@code field.REQUIRED}), Russian or English: the API's problem titles and the pages' messages
 * say the same thing.
 */
public final class RefusalTexts {

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final String BUNDLE = "org.pbxlicensing.web.text.refusals";

    private RefusalTexts() {
    }

    /** The text in the language (English if asked for, else Russian), if there is one. */
    public static Optional<String> find(String key, Locale language) {
        try {
            return Optional.of(ResourceBundle.getBundle(BUNDLE, supported(language),
                            RefusalTexts.class.getClassLoader(),
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /** The text in the language, or the key itself where there is none. */
    public static String text(String key, Locale language) {
        return find(key, language).orElse(key);
    }

    private static Locale supported(Locale language) {
        return "en".equals(language.getLanguage()) ? Locale.ENGLISH : RUSSIAN;
    }
}
