package org.pbxlicensing.it.licensev2;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.pbxlicensing.it.support.Certificates;
import org.pbxlicensing.it.support.ServerUnderTest;

/** {@code POST <base>/entitlement} over HTTP, with the server's published keys pinned as a PBX pins them. */
public final class EntitlementEndpoint {

    public static final String URL = ServerUnderTest.BASE_URL + "/entitlement";

    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private EntitlementEndpoint() {
    }

    public static Response post(byte[] body) {
        return request().body(body).post(URL);
    }

    /** A poll as the server sees it at {@code now + shift} (ISO-8601, e.g. P29D). */
    public static Response postShifted(String shift, byte[] body) {
        return request().header("X-Clock-Shift", shift).body(body).post(URL);
    }

    public static RequestSpecification request() {
        return RestAssured.given()
                .contentType("application/json")
                .header("X-Forwarded-For", ServerUnderTest.randomClientAddress());
    }

    /** Polls and accepts the token the way the PBX does; the PBX's clock is the test's. */
    public static ServerToken token(MikoPbx pbx, MikoPbx.SignedRequest request) {
        Response answer = post(request.body());
        answer.then().statusCode(200);
        return accept(pbx, request, answer.path("token"));
    }

    public static ServerToken refusal(MikoPbx pbx, MikoPbx.SignedRequest request) {
        Response answer = post(request.body());
        answer.then().statusCode(403);
        return accept(pbx, request, answer.path("refusal"));
    }

    public static ServerToken accept(MikoPbx pbx, MikoPbx.SignedRequest request, String wire) {
        return ServerToken.accept(wire, EntitlementEndpoint::pinnedKey, pbx, request, Instant.now());
    }

    /**
     * What the PBX's import of an offline answer file does: the file's content, as it is, is the signed
     * token or refusal (two base64url parts and a dot, nothing around them), accepted like an online one.
     */
    public static ServerToken importAnswerFile(MikoPbx pbx, MikoPbx.SignedRequest request, byte[] file) {
        String content = new String(file, java.nio.charset.StandardCharsets.US_ASCII);
        if (!content.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
            throw new AssertionError("an answer file holds the signed string alone, not: " + content);
        }
        return accept(pbx, request, content);
    }

    /** The key the PBX pinned under this kid: here, the one the server publishes. */
    static PublicKey pinnedKey(String kid) {
        JWK key = Certificates.keys().getKeyByKeyId(kid);
        if (!(key instanceof OctetKeyPair okp)) {
            return null;
        }
        byte[] x = okp.getDecodedX();
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + x.length);
        System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, x.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
