package org.pbxlicensing.domain.licensev2;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;

/** Reads JSON objects from untrusted bytes: strict UTF-8, bounded nesting, every failure a field error. */
final class JsonText {

    /** Deeper than any request needs (holders nest four levels); refused before parsing. */
    private static final int MAX_DEPTH = 16;

    private JsonText() {
    }

    /** @throws LicensingException {@code VALIDATION_FAILED} ({@code MALFORMED_JSON} on {@code field}) */
    static JsonObject object(byte[] bytes, String field) {
        String text = utf8(bytes, field);
        if (depth(text) > MAX_DEPTH) {
            throw malformed(field);
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw malformed(field);
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException | NumberFormatException | ArithmeticException e) {
            throw malformed(field);
        }
    }

    private static String utf8(byte[] bytes, String field) {
        if (bytes == null || bytes.length == 0) {
            throw malformed(field);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(field);
        }
    }

    private static int depth(String text) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                max = Math.max(max, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return max;
    }

    private static LicensingException malformed(String field) {
        return LicensingException.invalid(field, FieldError.MALFORMED_JSON);
    }
}
