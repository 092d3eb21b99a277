package org.pbxlicensing.web.admin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Chart.js configurations (what PrimeFaces' {@code p:chart} takes as its value) for the dashboard:
 * titled axes starting at zero, a legend, and dark texts on white (#333: 12.6:1) for contrast.
 */
final class DashboardCharts {

    static final String TEXT = "#333333";
    private static final String GRID = "#d9dde2";
    /** Line and bar colours; lines are told apart by their dashes and point shapes as well, not by colour alone. */
    static final List<String> COLOURS = List.of("#1f5fa8", "#b34700", "#2e7d32", "#7b1fa2");
    private static final List<String> POINTS = List.of("circle", "rect", "triangle", "rectRot");
    private static final List<List<Integer>> DASHES = List.of(List.of(), List.of(8, 4), List.of(3, 3), List.of(12, 3, 3, 3));

    record Series(String label, List<Long> values) {
    }

    private DashboardCharts() {
    }

    static String lines(List<String> labels, List<Series> series, String xTitle, String yTitle) {
        return chart("line", labels, series, xTitle, yTitle, false);
    }

    static String bars(List<String> labels, Series series, String xTitle, String yTitle, boolean horizontal) {
        return chart("bar", labels, List.of(series), xTitle, yTitle, horizontal);
    }

    private static String chart(String type, List<String> labels, List<Series> series, String xTitle, String yTitle,
            boolean horizontal) {
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (int i = 0; i < series.size(); i++) {
            String colour = COLOURS.get(i % COLOURS.size());
            JsonArrayBuilder data = Json.createArrayBuilder();
            series.get(i).values().forEach(data::add);
            JsonArrayBuilder dash = Json.createArrayBuilder();
            DASHES.get(i % DASHES.size()).forEach(dash::add);
            datasets.add(Json.createObjectBuilder()
                    .add("label", series.get(i).label())
                    .add("data", data)
                    .add("borderColor", colour)
                    .add("backgroundColor", colour)
                    .add("borderWidth", 2)
                    .add("borderDash", dash)
                    .add("pointStyle", POINTS.get(i % POINTS.size()))
                    .add("pointRadius", 3)
                    .add("maxBarThickness", 32));
        }
        JsonArrayBuilder categories = Json.createArrayBuilder();
        labels.forEach(categories::add);
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("color", TEXT)
                .add("plugins", Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("display", true).add("position", "bottom")
                                .add("labels", Json.createObjectBuilder().add("color", TEXT).add("usePointStyle", series.size() > 1)))
                        .add("tooltip", Json.createObjectBuilder().add("enabled", true)))
                .add("scales", Json.createObjectBuilder()
                        .add("x", axis(horizontal ? yTitle : xTitle, horizontal))
                        .add("y", axis(horizontal ? xTitle : yTitle, !horizontal)));
        if (horizontal) {
            options.add("indexAxis", "y");
        }
        JsonObject config = Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", categories).add("datasets", datasets))
                .add("options", options)
                .build();
        return scriptSafe(config.toString());
    }

    /**
     * PrimeFaces writes the configuration into a script element as it is, and labels come from hosts
     * (product versions): characters that could end the element or start markup are escaped in the
     * JSON, where they can only stand inside strings.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static JsonObjectBuilder axis(String title, boolean counts) {
        JsonObjectBuilder ticks = Json.createObjectBuilder().add("color", TEXT);
        if (counts) {
            ticks.add("precision", 0);
        } else {
            // Upright labels, as many as fit (every few days or hours).
            ticks.add("autoSkip", true).add("maxRotation", 0);
        }
        JsonObjectBuilder axis = Json.createObjectBuilder()
                .add("title", Json.createObjectBuilder().add("display", true).add("text", title).add("color", TEXT))
                .add("ticks", ticks)
                .add("grid", Json.createObjectBuilder().add("color", GRID));
        if (counts) {
            axis.add("beginAtZero", true);
        }
        return axis;
    }
}
