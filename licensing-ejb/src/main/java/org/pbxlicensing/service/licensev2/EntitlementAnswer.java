package org.pbxlicensing.service.licensev2;

import org.pbxlicensing.domain.json.JsonBuilders;

/**
 * An answer of the {@code /entitlement} protocol: HTTP status and JSON body, and for a token or a
 * signed refusal the signed string itself, which is what an offline answer file holds.
 */
public record EntitlementAnswer(int status, String body, String signed) {

    public static final int TOKEN = 200;
    public static final int REFUSAL = 403;
    public static final int REPLAY = 409;

    public static EntitlementAnswer token(String token) {
        return new EntitlementAnswer(TOKEN, JsonBuilders.object().add("token", token).build().toString(), token);
    }

    public static EntitlementAnswer refusal(String refusal) {
        return new EntitlementAnswer(REFUSAL, JsonBuilders.object().add("refusal", refusal).build().toString(),
                refusal);
    }

    public static EntitlementAnswer replay() {
        return new EntitlementAnswer(REPLAY, "{\"code\":\"replay\"}", null);
    }

    public boolean isToken() {
        return status == TOKEN;
    }
}
