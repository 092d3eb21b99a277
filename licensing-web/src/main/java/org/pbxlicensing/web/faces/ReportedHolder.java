package org.pbxlicensing.web.faces;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.pbxlicensing.domain.json.JsonBuilders;
import org.pbxlicensing.domain.licensev2.Installation;

/**
 * A seat holder that a MikoPBX installation reported in its latest request (LicenseV2
 * {@code holders}), as the portal's session monitor and the admin area's registration page show it.
 */
public record ReportedHolder(String installId, String hostId, String ref, String features, String who,
        String since) {

    public static List<ReportedHolder> of(Installation installation) {
        if (installation.holders() == null || installation.holders().isBlank()) {
            return List.of();
        }
        List<ReportedHolder> holders = new ArrayList<>();
        try (var reader = JsonBuilders.reader(new StringReader(installation.holders()))) {
            for (JsonValue value : reader.readArray()) {
                if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                    holders.add(of(installation, value.asJsonObject()));
                }
            }
        } catch (RuntimeException malformed) {
            return List.of();
        }
        return holders;
    }

    private static ReportedHolder of(Installation installation, JsonObject holder) {
        String features = holder.containsKey("features") && holder.get("features").getValueType()
                == JsonValue.ValueType.ARRAY
                ? holder.getJsonArray("features").stream().map(JsonValue::toString).collect(Collectors.joining(", "))
                : "";
        String who = String.join(" ", text(holder, "username"), text(holder, "hostname")).strip();
        return new ReportedHolder(installation.installId(), installation.hostId(), text(holder, "ref"), features, who,
                text(holder, "since"));
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        return value.getValueType() == JsonValue.ValueType.STRING ? object.getString(name) : value.toString();
    }
}
