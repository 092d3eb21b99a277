package org.pbxlicensing.web.api.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.json.UntrustedJson;
import org.pbxlicensing.domain.failure.LicensingException;

/**
 * A JSON object body read field by field. Each getter records a field error for a value of the
 * wrong type instead of failing at once, so that a client learns about every bad field in one
 * answer; {@link #requireValid()} then refuses the request if there was any.
 */
public final class JsonRequest {

    /** Deeper than any request of the API needs; refused before parsing. */
    private static final int MAX_DEPTH = 32;

    private final JsonObject object;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonRequest(JsonObject object, String prefix, List<FieldError> errors) {
        this.object = object;
        this.prefix = prefix;
        this.errors = errors;
    }

    /** @throws LicensingException {@code VALIDATION_FAILED} for a body that is not UTF-8 JSON with an object at the top */
    public static JsonRequest parse(byte[] body) {
        return new JsonRequest(UntrustedJson.object(body, "", MAX_DEPTH), "", new ArrayList<>());
    }

    /** The text of a body, which must be valid UTF-8. */
    public static String strictUtf8(byte[] body) {
        return UntrustedJson.utf8(body, "");
    }

    /** A trimmed string, or null when absent, null or blank. */
    public String string(String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            invalidType(name);
            return null;
        }
        String text = ((JsonString) value).getString().strip();
        return text.isEmpty() ? null : text;
    }

    /** A string that must be present; records {@code REQUIRED} otherwise. */
    public String requiredString(String name) {
        boolean present = object.containsKey(name) && object.get(name).getValueType() != JsonValue.ValueType.NULL;
        String text = string(name);
        if (text == null && (!present || object.get(name).getValueType() == JsonValue.ValueType.STRING)) {
            errors.add(new FieldError(prefix + name, FieldError.REQUIRED));
        }
        return text;
    }

    /** A whole number, or null when absent. */
    public Integer integer(String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            invalidType(name);
            return null;
        }
        try {
            return ((JsonNumber) value).intValueExact();
        } catch (ArithmeticException e) {
            errors.add(new FieldError(prefix + name, FieldError.OUT_OF_RANGE));
            return null;
        }
    }

    /** A whole number that must be present; records {@code REQUIRED} when absent or null. */
    public Integer requiredInteger(String name) {
        if (!object.containsKey(name) || object.get(name).getValueType() == JsonValue.ValueType.NULL) {
            errors.add(new FieldError(prefix + name, FieldError.REQUIRED));
            return null;
        }
        return integer(name);
    }

    /** A boolean, false when absent. */
    public boolean bool(String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value != JsonValue.FALSE) {
            invalidType(name);
        }
        return false;
    }

    /** A nested object, or null when absent; its fields' errors are named {@code name.field}. */
    public JsonRequest object(String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            invalidType(name);
            return null;
        }
        return new JsonRequest(value.asJsonObject(), prefix + name + ".", errors);
    }

    /** An array of objects, or null when absent; element fields' errors are named {@code name[i].field}. */
    public java.util.List<JsonRequest> objects(String name, int maxSize) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            invalidType(name);
            return null;
        }
        var array = value.asJsonArray();
        if (array.size() > maxSize) {
            errors.add(new FieldError(prefix + name, FieldError.OUT_OF_RANGE));
            return null;
        }
        List<JsonRequest> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonValue element = array.get(i);
            if (element.getValueType() != JsonValue.ValueType.OBJECT) {
                errors.add(new FieldError(prefix + name + "[" + i + "]", FieldError.INVALID_TYPE));
            } else {
                elements.add(new JsonRequest(element.asJsonObject(), prefix + name + "[" + i + "].", errors));
            }
        }
        return elements;
    }

    public void addError(String name, String code) {
        errors.add(new FieldError(prefix + name, code));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** @throws LicensingException {@code VALIDATION_FAILED} with every field error recorded so far */
    public void requireValid() {
        if (!errors.isEmpty()) {
            throw LicensingException.invalid(errors);
        }
    }

    private void invalidType(String name) {
        errors.add(new FieldError(prefix + name, FieldError.INVALID_TYPE));
    }
}
