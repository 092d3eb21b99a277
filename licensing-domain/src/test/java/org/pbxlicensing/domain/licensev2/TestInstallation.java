package org.pbxlicensing.domain.licensev2;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.function.Consumer;

/** A PBX side for unit tests: an own key, its PEM and install id, and signed request bodies. */
final class TestInstallation {

    final KeyPair keys;
    final String pem;
    final String installId;

    TestInstallation() {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        installId = InstallId.of(pem);
    }

    JsonObjectBuilder onlineRequest() {
        return Json.createObjectBuilder()
                .add("v", 2)
                .add("purpose", "online")
                .add("install", installId)
                .add("pubkey", pem)
                .add("key", "MIKO-0A1B2-C3D4E-F5G6H-J7K8M")
                .add("nonce", "0123456789abcdef0123456789abcdef")
                .add("ts", 1_790_000_000L)
                .add("app", Json.createObjectBuilder().add("id", "mikopbx").add("version", "2026.1.1"))
                .add("environment", "vm")
                .add("fingerprint", Json.createArrayBuilder().add("00112233445566aa").add("00112233445566bb"))
                .add("seq", 1);
    }

    byte[] body(JsonObjectBuilder request) {
        return body(request.build().toString());
    }

    byte[] body(JsonObjectBuilder request, Consumer<JsonObjectBuilder> change) {
        change.accept(request);
        return body(request);
    }

    /** Written the way PHP's encoder writes: every slash escaped. */
    byte[] body(String requestJson) {
        String request = Base64Url.encode(requestJson.replace("/", "\\/").getBytes(StandardCharsets.UTF_8));
        return envelope(request, Base64Url.encode(sign(request)));
    }

    static byte[] envelope(String request, String sig) {
        JsonObject envelope = Json.createObjectBuilder().add("request", request).add("sig", sig).build();
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] sign(String request) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(request.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
