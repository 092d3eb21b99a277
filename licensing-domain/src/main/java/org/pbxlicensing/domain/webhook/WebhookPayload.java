package org.pbxlicensing.domain.webhook;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.pbxlicensing.domain.event.LifecycleEvent;
import org.pbxlicensing.domain.json.JsonBuilders;

/**
 * The body of a delivery: {@code {"type", "timestamp", "data"}}, where {@code data} carries the
 * registration number, the event's own fields and, last, the endpoint's {@code sequence} number,
 * which grows by one with each event numbered for that endpoint, so that a receiver can put events
 * that arrive out of order (a retry overtaken by a newer event) back in order. The number is added
 * once the event's change has committed ({@link #numbered}).
 */
public final class WebhookPayload {

    private WebhookPayload() {
    }

    public static String of(LifecycleEvent event) {
        JsonObjectBuilder data = JsonBuilders.object();
        if (event.registrationNumber() != null) {
            data.add("registrationNumber", event.registrationNumber());
        }
        event.data().forEach((name, value) -> add(data, name, value));
        return JsonBuilders.object()
                .add("type", event.type().wireName())
                .add("timestamp", event.occurredAt().toString())
                .add("data", data)
                .build()
                .toString();
    }

    /** The body of the admin area's test event, which tells of no registration. */
    public static String test(java.time.Instant now) {
        return JsonBuilders.object()
                .add("type", "webhook.test")
                .add("timestamp", now.toString())
                .add("data", JsonBuilders.object())
                .build()
                .toString();
    }

    /** The body with {@code sequence} added as the last field of its {@code data}. */
    public static String numbered(String body, long sequence) {
        JsonObject written;
        try (var reader = JsonBuilders.reader(new StringReader(body))) {
            written = reader.readObject();
        }
        JsonObjectBuilder numbered = JsonBuilders.object();
        written.forEach((name, value) -> numbered.add(name, name.equals("data")
                ? JsonBuilders.object(value.asJsonObject()).add("sequence", sequence).build()
                : value));
        return numbered.build().toString();
    }

    public static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static void add(JsonObjectBuilder data, String name, Object value) {
        if (value == null) {
            data.addNull(name);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            data.add(name, ((Number) value).longValue());
        } else if (value instanceof Number number) {
            data.add(name, new BigDecimal(number.toString()));
        } else if (value instanceof Boolean bool) {
            data.add(name, bool);
        } else if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder nested = JsonBuilders.object();
            map.forEach((key, nestedValue) -> add(nested, String.valueOf(key), nestedValue));
            data.add(name, nested);
        } else {
            data.add(name, value.toString());
        }
    }
}
