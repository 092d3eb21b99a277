package org.pbxlicensing.web.api.check;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.pbxlicensing.service.check.HostReport;

/** The status text a PBX shows in its notification centre, in Russian or English. */
final class StatusMessages {

    private static final String BUNDLE = "org.pbxlicensing.web.api.check.status";

    /** By language: looking a bundle up again on every check cost as much as the rest of the answer's text. */
    private static final Map<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private StatusMessages() {
    }

    static String message(HostReport report, String language) {
        var bundle = BUNDLES.computeIfAbsent(language, StatusMessages::bundle);
        String pattern = bundle.getString(report.status().name());
        if (pattern.indexOf('{') < 0) {
            return pattern;
        }
        Long daysLeft = report.daysLeft();
        return new MessageFormat(pattern, bundle.getLocale()).format(new Object[] {daysLeft == null ? 0 : daysLeft});
    }

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language), StatusMessages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
