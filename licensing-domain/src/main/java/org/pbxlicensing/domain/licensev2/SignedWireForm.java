package org.pbxlicensing.domain.licensev2;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/** base64url(payload JSON) + "." + base64url(Ed25519 signature over the ASCII of the first part). */
public final class SignedWireForm {

    private SignedWireForm() {
    }

    public static String of(String payloadJson, UnaryOperator<byte[]> signer) {
        String payload = Base64Url.encode(payloadJson.getBytes(StandardCharsets.UTF_8));
        return payload + "." + Base64Url.encode(signer.apply(payload.getBytes(StandardCharsets.US_ASCII)));
    }
}
