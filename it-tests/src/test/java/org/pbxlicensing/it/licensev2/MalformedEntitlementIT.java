package org.pbxlicensing.it.licensev2;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;

/** What is not a request signed by its installation gets an unsigned problem, and leaves nothing behind. */
@SystemTest
class MalformedEntitlementIT {

    private static final int TWO_MIB = 2 * 1024 * 1024;

    @Test
    void aTamperedSignatureIsABadRequest() {
        var pbx = new MikoPbx(Pbx.register());
        var request = pbx.poll();
        byte[] sig = Base64.getUrlDecoder().decode(request.sig());
        sig[5] ^= 1;
        refused(request.bodyWithSig(Base64.getUrlEncoder().withoutPadding().encodeToString(sig)), 400)
                .body("errors[0].field", equalTo("sig"))
                .body("errors[0].code", equalTo("INVALID_SIGNATURE"));
        assertNothingStored(pbx);
    }

    @Test
    void anInstallIdThatIsNotThePubkeysIsABadRequest() {
        var pbx = new MikoPbx(Pbx.register());
        var other = new MikoPbx("x");
        refused(pbx.poll(request -> request.add("install", other.installId())).body(), 400)
                .body("errors[0].code", equalTo("INSTALL_ID_MISMATCH"));
        assertNothingStored(pbx);
        assertNothingStored(other);
    }

    @Test
    void anotherProtocolVersionIsABadRequest() {
        var pbx = new MikoPbx(Pbx.register());
        refused(pbx.poll(request -> request.add("v", 1)).body(), 400)
                .body("errors[0].code", equalTo("UNSUPPORTED_VERSION"));
        assertNothingStored(pbx);
    }

    @Test
    void aBodyOverTwoMebibytesIsTooLarge() {
        var pbx = new MikoPbx(Pbx.register());
        byte[] body = pbx.poll(request -> request.add("metrics", Json.createObjectBuilder()
                .add("padding", "x".repeat(TWO_MIB)))).body();
        refused(body, 413).body("code", equalTo("PAYLOAD_TOO_LARGE"));
        byte[] exactlyOver = new byte[TWO_MIB + 1];
        java.util.Arrays.fill(exactlyOver, (byte) ' ');
        refused(exactlyOver, 413).body("code", equalTo("PAYLOAD_TOO_LARGE"));
        assertNothingStored(pbx);
    }

    @Test
    void bodiesLargerThanTheJsonApiAllowsAreFineHere() {
        var pbx = new MikoPbx(Pbx.register());
        var request = pbx.poll(r -> r.add("metrics", Json.createObjectBuilder().add("log", "x".repeat(300_000))));
        EntitlementEndpoint.token(pbx, request);
        assertEquals(1, Database.count("SELECT COUNT(*) FROM licensev2_installation WHERE install_id = ?",
                pbx.installId()));
    }

    static Stream<Arguments> garbage() {
        return Stream.of(
                Arguments.of("not JSON", "request=x&sig=y"),
                Arguments.of("empty", ""),
                Arguments.of("array", "[1, 2]"),
                Arguments.of("no sig", "{\"request\": \"eyJ2IjoyfQ\"}"),
                Arguments.of("not base64url", "{\"request\": \"e+J/\", \"sig\": \"AAAA\"}"),
                Arguments.of("request not JSON", "{\"request\": \"aGVsbG8\", \"sig\": \"AAAA\"}"),
                Arguments.of("unsigned request", "{\"request\": \"eyJ2IjoyfQ\", \"sig\": \"AAAA\"}"),
                Arguments.of("deep nesting", "{\"request\": " + "[".repeat(5000) + "]".repeat(5000) + "}"),
                Arguments.of("huge number", "{\"request\": 1e999999999, \"sig\": \"AAAA\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbage")
    void garbageIsABadRequest(String name, String body) {
        long installations = Database.count("SELECT COUNT(*) FROM licensev2_installation");
        refused(body.getBytes(StandardCharsets.UTF_8), 400).body("code", equalTo("VALIDATION_FAILED"));
        assertEquals(installations, Database.count("SELECT COUNT(*) FROM licensev2_installation"));
    }

    @Test
    void onlyPostIsAnswered() {
        EntitlementEndpoint.request().get(EntitlementEndpoint.URL).then()
                .statusCode(405)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void anOfflineRequestFileIsNotAPoll() {
        var pbx = new MikoPbx(Pbx.register());
        refused(pbx.offlineRequest().body(), 400).body("errors[0].code", equalTo("PURPOSE_ONLINE"));
        assertNothingStored(pbx);
    }

    private static io.restassured.response.ValidatableResponse refused(byte[] body, int status) {
        return EntitlementEndpoint.post(body).then()
                .statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("refusal")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("token")));
    }

    private static void assertNothingStored(MikoPbx pbx) {
        assertEquals(0, Database.count("SELECT COUNT(*) FROM licensev2_installation WHERE install_id = ?",
                pbx.installId()));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM host_binding WHERE host_id = ?", pbx.hostId()));
    }
}
