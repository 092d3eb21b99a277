package org.pbxlicensing.web.api.support;

import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.service.idempotency.IdempotentRequest;
import org.pbxlicensing.web.api.json.JsonRequest;

/** Reads the {@code Idempotency-Key} header of a retryable write. */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKeys() {
    }

    /** @throws LicensingException {@code VALIDATION_FAILED} for a key that is too long or not printable ASCII */
    public static IdempotentRequest request(String scope, String key, byte[] body) {
        if (key != null && (key.isBlank() || key.length() > IdempotentRequest.MAX_KEY_LENGTH
                || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e))) {
            throw LicensingException.invalid(HEADER, "INVALID_HEADER");
        }
        return IdempotentRequest.of(scope, key, JsonRequest.strictUtf8(body));
    }
}
