package org.pbxlicensing.domain.json;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;

/**
 * Reads JSON objects from untrusted bytes: strict UTF-8, bounded nesting, each name once per object, no
 * lone surrogates, every failure a field error.
 */
public final class UntrustedJson {

    private UntrustedJson() {
    }

    /**
     * @throws LicensingException {@code VALIDATION_FAILED}: {@code MALFORMED_JSON} on {@code field} for a
     *         text that is not a JSON object, or on each member that repeats a name or holds a lone surrogate
     */
    public static JsonObject object(byte[] bytes, String field, int maxDepth) {
        String text = utf8(bytes, field);
        if (depth(text) > maxDepth) {
            throw malformed(field);
        }
        try (var parser = JsonBuilders.parser(new StringReader(text))) {
            var tree = new StrictTree(parser);
            JsonValue value = tree.read();
            if (parser.hasNext() || value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw malformed(field);
            }
            if (!tree.errors().isEmpty()) {
                throw LicensingException.invalid(tree.errors());
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException | NoSuchElementException | NumberFormatException
                | ArithmeticException | UnsupportedOperationException e) {
            throw malformed(field);
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
