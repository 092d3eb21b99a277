package org.pbxlicensing.web.api.check;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.pbxlicensing.service.check.HostReport;

/** The status text a PBX shows in its notification centre, in Russian or English. */
final class StatusMessages {

    private static final String BUNDLE = "org.pbxlicensing.web.api.check.status";

    private StatusMessages() {
    }

    static String message(HostReport report, String language) {
        var bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
                StatusMessages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Long daysLeft = report.daysLeft();
        return new MessageFormat(bundle.getString(report.status().name()), Locale.forLanguageTag(language))
                .format(new Object[] {daysLeft == null ? 0 : daysLeft});
    }
}
