package org.pbxlicensing.domain.licensev2;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;

/**
 * Reads the body {@code {"request": R, "sig": S}} of a LicenseV2 request: the signature over the
 * ASCII of {@code R} as received must verify with the key the request names, and the install id
 * must be the one derived from that key, before any field is believed.
 */
public final class EntitlementRequestReader {

    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    public static final String INVALID_SIGNATURE = "INVALID_SIGNATURE";
    public static final String INSTALL_ID_MISMATCH = "INSTALL_ID_MISMATCH";
    public static final String UNSUPPORTED_VERSION = "UNSUPPORTED_VERSION";

    static final int PROTOCOL_VERSION = 2;
    /** Deeper than any request needs (holders nest four levels); refused before parsing. */
    private static final int MAX_DEPTH = 16;
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
        return new EntitlementRequestReader().verifiedRequest(body);
    }

    private EntitlementRequest verifiedRequest(byte[] body) {
        JsonObject envelope = jsonObject(utf8(body), "");
        String request = envelope.get("request") instanceof JsonString s ? s.getString() : null;
        String sig = envelope.get("sig") instanceof JsonString s ? s.getString() : null;
        if (request == null || sig == null) {
            throw LicensingException.invalid(request == null ? "request" : "sig", FieldError.REQUIRED);
        }
        byte[] signature = decode(sig, "sig");
        JsonObject fields = jsonObject(utf8(decode(request, "request")), "request");
        String pubkey = fields.get("pubkey") instanceof JsonString s ? s.getString() : null;
        InstallationKey key;
        try {
            key = InstallationKey.fromPem(pubkey);
        } catch (IllegalArgumentException e) {
            throw LicensingException.invalid("pubkey", FieldError.INVALID_FORMAT);
        }
        if (!key.verifies(request.getBytes(StandardCharsets.US_ASCII), signature)) {
            throw LicensingException.invalid("sig", INVALID_SIGNATURE);
        }
        String install = InstallId.of(pubkey);
        if (!(fields.get("install") instanceof JsonString claimed) || !install.equals(claimed.getString())) {
            throw LicensingException.invalid("install", INSTALL_ID_MISMATCH);
        }
        return fields(fields, install, pubkey);
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

    private static byte[] decode(String text, String field) {
        try {
            return Base64Url.decode(text);
        } catch (IllegalArgumentException e) {
            throw LicensingException.invalid(field, FieldError.INVALID_FORMAT);
        }
    }

    private static JsonObject jsonObject(String text, String field) {
        if (depth(text) > MAX_DEPTH) {
            throw LicensingException.invalid(field, FieldError.MALFORMED_JSON);
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw LicensingException.invalid(field, FieldError.MALFORMED_JSON);
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException | NumberFormatException | ArithmeticException e) {
            throw LicensingException.invalid(field, FieldError.MALFORMED_JSON);
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

    private static String utf8(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw LicensingException.invalid("", FieldError.MALFORMED_JSON);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw LicensingException.invalid("", FieldError.MALFORMED_JSON);
        }
    }
}
