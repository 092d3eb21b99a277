package org.pbxlicensing.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardChartsTest {

    private static final String HOSTILE = "</script><script>alert(1)</script>&\u2028";

    @Test
    void aLabelAHostReportedCannotEndTheScriptItIsWrittenInto() {
        String config = DashboardCharts.bars(List.of(HOSTILE), new DashboardCharts.Series("Hosts", List.of(1L)),
                "Version", "Hosts", true);

        assertFalse(config.contains("<") || config.contains(">") || config.contains("&") || config.contains("\u2028"), config);
        JsonObject parsed = Json.createReader(new StringReader(config)).readObject();
        assertEquals(HOSTILE, parsed.getJsonObject("data").getJsonArray("labels").getString(0));
    }

    @Test
    void theAxesAreTitledCountFromZeroAndTheTextsAreDark() {
        JsonObject config = Json.createReader(new StringReader(DashboardCharts.lines(List.of("Dec 7"),
                List.of(new DashboardCharts.Series("Registrations", List.of(3L))), "Day (UTC)", "Count"))).readObject();

        JsonObject scales = config.getJsonObject("options").getJsonObject("scales");
        assertEquals("Day (UTC)", scales.getJsonObject("x").getJsonObject("title").getString("text"));
        assertEquals("Count", scales.getJsonObject("y").getJsonObject("title").getString("text"));
        assertEquals(true, scales.getJsonObject("y").getBoolean("beginAtZero"));
        assertEquals(DashboardCharts.TEXT, scales.getJsonObject("y").getJsonObject("ticks").getString("color"));
        assertEquals(3, config.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data").getInt(0));
    }
}
