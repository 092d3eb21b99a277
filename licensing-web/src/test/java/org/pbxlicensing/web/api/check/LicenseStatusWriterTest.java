package org.pbxlicensing.web.api.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.license.HostStatus;
import org.pbxlicensing.domain.license.LicenseKind;
import org.pbxlicensing.web.api.check.LicenseStatusView.EulaView;
import org.pbxlicensing.web.api.check.LicenseStatusView.FeatureView;
import org.pbxlicensing.web.api.json.JsonAnswers;

class LicenseStatusWriterTest {

    private static final Instant VALID_UNTIL = Instant.parse("2026-12-12T00:24:28Z");

    @Test
    void writesALicensedHostAsJsonBWouldToTheByte() {
        var view = new LicenseStatusView("MIKO-FFGB0-HRATB-TPFNP-MQ3JP", "host-1", HostStatus.LICENSED,
                "Лицензия активна \"ok\"", List.of(
                        new FeatureView(31, "Call recording", LicenseKind.TRIAL, Instant.parse("2027-03-01T10:15:30Z"),
                                86L, 1, 1),
                        new FeatureView(33, "Askozia PBX", LicenseKind.PERPETUAL, null, null, 3, 2)),
                new EulaView(true, "1.0"), "eyJ.eyJ.sig", VALID_UNTIL, 600);

        assertEquals(JsonAnswers.write(view), written(view));
    }

    @Test
    void writesAbsentValuesAsExplicitNullsAsJsonBWould() {
        var view = new LicenseStatusView("MIKO-FFGB0-HRATB-TPFNP-MQ3JP", "host-2", HostStatus.NOT_LICENSED, null,
                List.of(), new EulaView(false, null), null, null, 900);

        assertEquals(JsonAnswers.write(view), written(view));
    }

    private static String written(LicenseStatusView view) {
        var out = new ByteArrayOutputStream();
        LicenseStatusWriter.write(view, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
