package org.pbxlicensing.domain.licensev2;

import org.pbxlicensing.domain.json.JsonBuilders;

/** The payload of a signed refusal: the token's wire form, stating that this installation is refused. */
public record RefusalPayload(String kid, String install, String nonce, RefusalReason reason) {

    public String toJson() {
        return JsonBuilders.object()
                .add("v", EntitlementRequestReader.PROTOCOL_VERSION)
                .add("kid", kid)
                .add("install", install)
                .add("nonce", nonce)
                .add("refused", true)
                .add("error", reason.error())
                .add("code", reason.name())
                .add("intcode", reason.intcode())
                .build()
                .toString();
    }
}
