package org.pbxlicensing.domain.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.spi.JsonProvider;
import java.io.OutputStream;
import java.io.Reader;
import java.util.Collection;
import java.util.Map;

/**
 * Readers and builders of one JSON provider, looked up once. {@code jakarta.json.Json}'s factory
 * methods look the provider up through the service loader on every call, which scans the class
 * path's jars: a tenth of a check's CPU time before it was shared.
 */
public final class JsonBuilders {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonGeneratorFactory GENERATORS = PROVIDER.createGeneratorFactory(Map.of());

    private JsonBuilders() {
    }

    public static JsonReader reader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    public static JsonParser parser(Reader reader) {
        return PROVIDER.createParser(reader);
    }

    /** A generator writing UTF-8 to {@code out}; closing it closes {@code out}. */
    public static JsonGenerator generator(OutputStream out) {
        return GENERATORS.createGenerator(out);
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    /** A builder that starts with the fields of {@code object}, in their order. */
    public static JsonObjectBuilder object(JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonArrayBuilder array(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    public static JsonString string(String value) {
        return PROVIDER.createValue(value);
    }
}
