package org.pbxlicensing.domain.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pbxlicensing.domain.failure.FieldError;

/**
 * Builds the value of a JSON text from its parser's events, refusing what JSON-P lets through and
 * I-JSON (RFC 7493) forbids: a name twice in one object, of which readers keep one or the other, so
 * that two of them could read two different requests from one body; and a lone UTF-16 surrogate,
 * written as an escape such as {@code \ud800}, which is no character and is stored as {@code ?}.
 * Each is a field error on its member's path ({@code host.name}, {@code items[0].feature}), collected
 * over the whole text.
 */
final class StrictTree {

    private final JsonParser parser;
    private final Set<FieldError> errors = new LinkedHashSet<>();

    StrictTree(JsonParser parser) {
        this.parser = parser;
    }

    /** The value of the text; what it holds of the above is in {@link #errors()}. */
    JsonValue read() {
        return value(parser.next(), "");
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    private JsonValue value(Event event, String path) {
        return switch (event) {
            case START_OBJECT -> object(path);
            case START_ARRAY -> array(path);
            case VALUE_STRING -> string(path);
            case VALUE_NUMBER -> number();
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw new IllegalStateException("no value at " + parser.getLocation());
        };
    }

    private JsonValue object(String path) {
        var object = JsonBuilders.object();
        Set<String> names = new HashSet<>();
        for (Event event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString();
            String member = (path.isEmpty() ? "" : path + ".") + shown(name);
            if (hasLoneSurrogate(name) || !names.add(name)) {
                errors.add(new FieldError(member, FieldError.MALFORMED_JSON));
            }
            object.add(name, value(parser.next(), member));
        }
        return object.build();
    }

    private JsonValue array(String path) {
        var array = JsonBuilders.array();
        int index = 0;
        for (Event event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
            array.add(value(event, path + "[" + index++ + "]"));
        }
        return array.build();
    }

    private JsonValue string(String path) {
        String text = parser.getString();
        if (hasLoneSurrogate(text)) {
            errors.add(new FieldError(path, FieldError.MALFORMED_JSON));
        }
        return JsonBuilders.string(text);
    }

    /**
     * The parser reads numbers lazily and refuses one of more than 1100 digits only when it is first
     * read, long after parsing; reading each here makes such a number malformed JSON like any other.
     */
    private JsonValue number() {
        JsonNumber number = (JsonNumber) parser.getValue();
        number.bigDecimalValue();
        return number;
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A name as an error may show it: a lone surrogate cannot be written as UTF-8. */
    private static String shown(String name) {
        if (!hasLoneSurrogate(name)) {
            return name;
        }
        var shown = new StringBuilder(name.length());
        name.codePoints().forEach(c -> shown.appendCodePoint(
                c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? '\uFFFD' : c));
        return shown.toString();
    }
}
