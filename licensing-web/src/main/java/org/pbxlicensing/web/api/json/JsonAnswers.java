package org.pbxlicensing.web.api.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * How answers are written: absent values as explicit nulls (a perpetual license's
 * {@code "expiresAt": null}). The same writer serialises answers kept for idempotent replays.
 */
@Provider
public class JsonAnswers implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    public static String write(Object answer) {
        return JSONB.toJson(answer);
    }
}
