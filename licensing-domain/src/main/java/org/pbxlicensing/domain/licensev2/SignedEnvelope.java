package org.pbxlicensing.domain.licensev2;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.json.UntrustedJson;

/**
 * The body {@code {"request": R, "sig": S}}: opened only when the signature over the ASCII of
 * {@code R} as received verifies with the key the request names, and the install id is the one
 * derived from that key. The JSON is never re-serialised before verifying.
 */
final class SignedEnvelope {

    /** Deeper than any request needs (holders nest four levels); refused before parsing. */
    private static final int MAX_JSON_DEPTH = 16;

    /** A request whose signature verified: its fields, and the key and install id they belong to. */
    record Opened(JsonObject fields, String install, String pubkey) {
    }

    private SignedEnvelope() {
    }

    /** @throws LicensingException {@code VALIDATION_FAILED} unless the request is signed by its own key */
    static Opened open(byte[] body) {
        JsonObject envelope = UntrustedJson.object(body, "", MAX_JSON_DEPTH);
        String request = envelope.get("request") instanceof JsonString s ? s.getString() : null;
        String sig = envelope.get("sig") instanceof JsonString s ? s.getString() : null;
        if (request == null || sig == null) {
            throw LicensingException.invalid(request == null ? "request" : "sig", FieldError.REQUIRED);
        }
        byte[] signature = decode(sig, "sig");
        JsonObject fields = UntrustedJson.object(decode(request, "request"), "request", MAX_JSON_DEPTH);
        String pubkey = fields.get("pubkey") instanceof JsonString s ? s.getString() : null;
        InstallationKey key;
        try {
            key = InstallationKey.fromPem(pubkey);
        } catch (IllegalArgumentException e) {
            throw LicensingException.invalid("pubkey", FieldError.INVALID_FORMAT);
        }
        if (!key.verifies(request.getBytes(StandardCharsets.US_ASCII), signature)) {
            throw LicensingException.invalid("sig", EntitlementRequestReader.INVALID_SIGNATURE);
        }
        String install = InstallId.of(pubkey);
        if (!(fields.get("install") instanceof JsonString claimed) || !install.equals(claimed.getString())) {
            throw LicensingException.invalid("install", EntitlementRequestReader.INSTALL_ID_MISMATCH);
        }
        return new Opened(fields, install, pubkey);
    }

    private static byte[] decode(String text, String field) {
        try {
            return Base64Url.decode(text);
        } catch (IllegalArgumentException e) {
            throw LicensingException.invalid(field, FieldError.INVALID_FORMAT);
        }
    }
}
