package org.pbxlicensing.domain.licensev2;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;

/**
 * Reads a LicenseV2 request: once {@link SignedEnvelope} has verified it, its fields, collecting
 * every field error into one refusal.
 */
public final class EntitlementRequestReader {

    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    public static final String INVALID_SIGNATURE = "INVALID_SIGNATURE";
    public static final String INSTALL_ID_MISMATCH = "INSTALL_ID_MISMATCH";
    public static final String UNSUPPORTED_VERSION = "UNSUPPORTED_VERSION";

    static final int PROTOCOL_VERSION = 2;
    private static final int MAX_KEY_LENGTH = 100;
    private static final int MAX_FINGERPRINTS = 4;
    private static final Pattern HEX32 = Pattern.compile("^[0-9a-fA-F]{32}$");
    private static final Pattern HEX16 = Pattern.compile("^[0-9a-fA-F]{16}$");
    private static final Pattern FEATURE_ID = Pattern.compile("^[0-9]{1,6}$");

    private final List<FieldError> errors = new ArrayList<>();

    private EntitlementRequestReader() {
    }

    /** @throws LicensingException {@code VALIDATION_FAILED} for anything but a signed, well-formed request */
    public static EntitlementRequest read(byte[] body) {
        SignedEnvelope.Opened opened = SignedEnvelope.open(body);
        return new EntitlementRequestReader().fields(opened.fields(), opened.install(), opened.pubkey());
    }

    private EntitlementRequest fields(JsonObject json, String install, String pubkey) {
        Long version = integer(json, "v", true);
        if (version != null && version != PROTOCOL_VERSION) {
            errors.add(new FieldError("v", UNSUPPORTED_VERSION));
        }
        String purposeText = string(json, "purpose", true);
        Purpose purpose = purposeText == null ? null : Purpose.ofWire(purposeText).orElse(null);
        if (purposeText != null && purpose == null) {
            errors.add(new FieldError("purpose", FieldError.INVALID_FORMAT));
        }
        String key = string(json, "key", true);
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            errors.add(new FieldError("key", FieldError.INVALID_FORMAT));
        }
        String nonce = matching(json, "nonce", HEX32, true);
        Long ts = integer(json, "ts", false);
        JsonObject app = object(json, json.containsKey("app") ? "app" : "pbx");
        String environment = string(json, "environment", false);
        List<String> fingerprint = fingerprint(json);
        EntitlementRequest.V1Machine v1Machine = v1Machine(json);
        String held = matching(json, "held", HEX32, false);
        Long seq = integer(json, "seq", purpose == Purpose.ONLINE);
        if (seq != null && seq < 1) {
            errors.add(new FieldError("seq", FieldError.OUT_OF_RANGE));
        }
        List<FeatureUsage> usage = usage(json);
        String usageGen = matching(json, "usageGen", HEX16, false);
        String holders = holders(json);
        Boolean holdersComplete = json.get("holdersComplete") == JsonValue.FALSE ? Boolean.FALSE
                : json.containsKey("holdersComplete") ? Boolean.TRUE : null;
        JsonObject metrics = object(json, "metrics");
        if (!errors.isEmpty()) {
            throw LicensingException.invalid(errors);
        }
        return new EntitlementRequest(purpose, install, pubkey, key, nonce, ts,
                app == null ? null : Texts.clean(plain(app, "id"), 64),
                app == null ? null : Texts.clean(plain(app, "version"), 64),
                Texts.clean(environment, 16), fingerprint, v1Machine, held,
                purpose == Purpose.ONLINE ? seq : null, usage, usageGen, holders, holdersComplete,
                metrics == null ? null : metrics.toString());
    }

    private List<String> fingerprint(JsonObject json) {
        JsonValue value = json.get("fingerprint");
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().size() > MAX_FINGERPRINTS) {
            errors.add(new FieldError("fingerprint", FieldError.INVALID_FORMAT));
            return List.of();
        }
        List<String> hashes = new ArrayList<>();
        for (JsonValue hash : value.asJsonArray()) {
            if (hash instanceof JsonString s && HEX16.matcher(s.getString()).matches()) {
                hashes.add(s.getString());
            } else {
                errors.add(new FieldError("fingerprint", FieldError.INVALID_FORMAT));
                return List.of();
            }
        }
        return hashes;
    }

    private EntitlementRequest.V1Machine v1Machine(JsonObject json) {
        JsonObject machine = object(json, "v1Machine");
        if (machine == null) {
            return null;
        }
        JsonValue network = machine.get("network");
        String networkText = network == null || network == JsonValue.NULL ? null
                : network instanceof JsonString s ? s.getString() : network.toString();
        return new EntitlementRequest.V1Machine(Texts.clean(plain(machine, "hostname"), 255),
                Texts.clean(plain(machine, "cpuid"), 255), Texts.clean(networkText, 1000));
    }

    private List<FeatureUsage> usage(JsonObject json) {
        JsonObject usage = object(json, "usage");
        if (usage == null) {
            return null;
        }
        List<FeatureUsage> features = new ArrayList<>();
        for (var entry : usage.entrySet()) {
            String field = "usage." + entry.getKey();
            if (!FEATURE_ID.matcher(entry.getKey()).matches()
                    || entry.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
                errors.add(new FieldError(field, FieldError.INVALID_FORMAT));
                continue;
            }
            JsonObject counts = entry.getValue().asJsonObject();
            features.add(new FeatureUsage(Integer.parseInt(entry.getKey()), count(counts, "used", field),
                    count(counts, "peak", field), count(counts, "denied", field)));
        }
        return features;
    }

    private int count(JsonObject counts, String name, String field) {
        JsonValue value = counts.get(name);
        if (value == null || value == JsonValue.NULL) {
            return 0;
        }
        Long count = value instanceof JsonNumber n ? whole(n, 0, Integer.MAX_VALUE) : null;
        if (count == null) {
            errors.add(new FieldError(field + "." + name, FieldError.OUT_OF_RANGE));
            return 0;
        }
        return count.intValue();
    }

    private String holders(JsonObject json) {
        JsonValue value = json.get("holders");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.add(new FieldError("holders", FieldError.INVALID_TYPE));
            return null;
        }
        for (JsonValue holder : value.asJsonArray()) {
            if (holder.getValueType() != JsonValue.ValueType.OBJECT
                    || !(holder.asJsonObject().get("ref") instanceof JsonString ref)
                    || !HEX16.matcher(ref.getString()).matches()) {
                errors.add(new FieldError("holders", FieldError.INVALID_FORMAT));
                return null;
            }
        }
        return value.toString();
    }

    private String string(JsonObject json, String name, boolean required) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                errors.add(new FieldError(name, FieldError.REQUIRED));
            }
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        errors.add(new FieldError(name, FieldError.INVALID_TYPE));
        return null;
    }

    private String matching(JsonObject json, String name, Pattern format, boolean required) {
        String text = string(json, name, required);
        if (text != null && !format.matcher(text).matches()) {
            errors.add(new FieldError(name, FieldError.INVALID_FORMAT));
            return null;
        }
        return text;
    }

    private Long integer(JsonObject json, String name, boolean required) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                errors.add(new FieldError(name, FieldError.REQUIRED));
            }
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            errors.add(new FieldError(name, FieldError.INVALID_TYPE));
            return null;
        }
        Long whole = whole(number, Long.MIN_VALUE, Long.MAX_VALUE);
        if (whole == null) {
            errors.add(new FieldError(name, FieldError.OUT_OF_RANGE));
        }
        return whole;
    }

    /**
     * A whole number within bounds, else null. Compared as a decimal first: turning {@code 1e999999999}
     * into an integer would take the server's memory.
     */
    private static Long whole(JsonNumber number, long min, long max) {
        BigDecimal value = number.bigDecimalValue();
        if (value.scale() != 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            return null;
        }
        return value.longValueExact();
    }

    private JsonObject object(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(new FieldError(name, FieldError.INVALID_TYPE));
            return null;
        }
        return value.asJsonObject();
    }

    /** A nested string the PBX tells for information only: anything else is ignored, not refused. */
    private static String plain(JsonObject json, String name) {
        return json.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
