package org.pbxlicensing.domain.json;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
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
public final class UntrustedJson {

    private UntrustedJson() {
    }

    /** @throws LicensingException {@code VALIDATION_FAILED} ({@code MALFORMED_JSON} on {@code field}) */
    public static JsonObject object(byte[] bytes, String field, int maxDepth) {
        String text = utf8(bytes, field);
        if (depth(text) > maxDepth) {
            throw malformed(field);
        }
        try (var reader = JsonBuilders.reader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw malformed(field);
            }
            readNumbers(value);
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException | NumberFormatException | ArithmeticException
                | UnsupportedOperationException e) {
            throw malformed(field);
        }
    }

    /**
     * The parser reads numbers lazily and refuses one of more than 1100 digits only when it is first
     * read, long after parsing; reading them all here makes such a number malformed JSON like any other.
     */
    private static void readNumbers(JsonValue value) {
        switch (value.getValueType()) {
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case OBJECT -> value.asJsonObject().values().forEach(UntrustedJson::readNumbers);
            case ARRAY -> value.asJsonArray().forEach(UntrustedJson::readNumbers);
            default -> {
            }
        }
    }

    /** The text of untrusted bytes, which must be valid UTF-8. */
    public static String utf8(byte[] bytes, String field) {
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
