package org.pbxlicensing.web.api.check;

import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import org.pbxlicensing.domain.json.JsonBuilders;
import org.pbxlicensing.web.api.json.JsonAnswers;

/**
 * Writes the answer of every check with a streaming generator: JSON-B's reflective serialisation of
 * this record took a tenth of a check's CPU time. The fields, their order and the explicit nulls are
 * those {@link JsonAnswers} writes for an activation, which a test holds them to.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class LicenseStatusWriter implements MessageBodyWriter<LicenseStatusView> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == LicenseStatusView.class;
    }

    @Override
    public void writeTo(LicenseStatusView view, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        var json = new ByteArrayOutputStream(1024);
        write(view, json);
        // Announced, as JSON-B's answers are, instead of sent in chunks.
        headers.putSingle(HttpHeaders.CONTENT_LENGTH, json.size());
        json.writeTo(out);
    }

    /** In JSON-B's order: the properties of each object sorted by name. */
    static void write(LicenseStatusView view, OutputStream out) {
        JsonGenerator json = JsonBuilders.generator(out);
        json.writeStartObject();
        string(json, "certificate", view.certificate());
        json.writeStartObject("eula")
                .write("required", view.eula().required());
        string(json, "version", view.eula().version());
        json.writeEnd();
        json.writeStartArray("features");
        for (var feature : view.features()) {
            json.writeStartObject();
            if (feature.daysLeft() == null) {
                json.writeNull("daysLeft");
            } else {
                json.write("daysLeft", feature.daysLeft());
            }
            instant(json, "expiresAt", feature.expiresAt());
            json.write("kind", feature.kind().name())
                    .write("name", feature.name())
                    .write("number", feature.number())
                    .write("seats", feature.seats())
                    .write("seatsUsed", feature.seatsUsed())
                    .writeEnd();
        }
        json.writeEnd();
        string(json, "hostId", view.hostId());
        string(json, "message", view.message());
        json.write("pollSeconds", view.pollSeconds());
        string(json, "registrationNumber", view.registrationNumber());
        string(json, "status", view.status().name());
        instant(json, "validUntil", view.validUntil());
        json.writeEnd();
        json.close();
    }

    private static void string(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }

    private static void instant(JsonGenerator json, String name, Instant value) {
        string(json, name, value == null ? null : value.toString());
    }
}
