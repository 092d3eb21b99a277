package org.pbxlicensing.web.api.eula;

import java.time.Instant;
import org.pbxlicensing.domain.eula.EulaVersion;

/** An agreement as a PBX shows it to its administrator. */
public record EulaView(String version, String title, String text, Instant publishedAt, int feature,
        String language) {

    static EulaView of(EulaVersion version, String language) {
        var text = version.text(language);
        return new EulaView(version.version(), text.title(), text.text(), version.publishedAt(),
                version.featureNumber(), language);
    }
}
