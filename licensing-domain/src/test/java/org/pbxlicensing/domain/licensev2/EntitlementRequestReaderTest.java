package org.pbxlicensing.domain.licensev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;

class EntitlementRequestReaderTest {

    private final TestInstallation pbx = new TestInstallation();

    @Test
    void readsASignedRequestWrittenByPhp() {
        var request = EntitlementRequestReader.read(pbx.body(pbx.onlineRequest()
                .add("v1Machine", Json.createObjectBuilder().add("hostname", "pbx/1").add("cpuid", "x"))
                .add("held", "ffffffffffffffffffffffffffffffff")
                .add("usage", Json.createObjectBuilder().add("46", Json.createObjectBuilder()
                        .add("used", 2).add("peak", 3).add("denied", 1)))
                .add("usageGen", "0011223344556677")
                .add("holders", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("ref", "aaaaaaaaaaaaaaaa").add("features", Json.createArrayBuilder().add(46))
                        .add("username", "ivan")))
                .add("metrics", Json.createObjectBuilder().add("calls", 12))));

        assertEquals(Purpose.ONLINE, request.purpose());
        assertEquals(pbx.installId, request.install());
        assertEquals(pbx.pem, request.pubkey(), "the PEM as sent, its escaped slashes read back");
        assertEquals("MIKO-0A1B2-C3D4E-F5G6H-J7K8M", request.key());
        assertEquals(1L, request.seq());
        assertEquals("pbx/1", request.v1Machine().hostname());
        assertEquals(List.of(new FeatureUsage(46, 2, 3, 1)), request.usage());
        assertTrue(request.holders().contains("\"username\":\"ivan\""));
        assertEquals("{\"calls\":12}", request.metrics());
        assertEquals("v2:" + pbx.installId, request.hostDetails().id());
        assertEquals("pbx/1", request.hostDetails().name());
        assertEquals("mikopbx (vm)", request.hostDetails().os());
        assertEquals("2026.1.1", request.hostDetails().productVersion());
    }

    @Test
    void absentUsageAndHoldersAreUnknownAndAnEmptyUsageIsNothingHeld() {
        var unknown = EntitlementRequestReader.read(pbx.body(pbx.onlineRequest()));
        assertNull(unknown.usage());
        assertNull(unknown.holders());
        var nothing = EntitlementRequestReader.read(pbx.body(pbx.onlineRequest().add("usage", Json.createObjectBuilder())));
        assertEquals(List.of(), nothing.usage());
    }

    @Test
    void acceptsPaddedBase64() {
        String request = Base64Url.encode(pbx.onlineRequest().build().toString().getBytes(StandardCharsets.UTF_8));
        String padded = request + "=".repeat((4 - request.length() % 4) % 4);
        byte[] sig = pbx.sign(padded);
        String paddedSig = Base64Url.encode(sig) + "==";
        assertEquals(pbx.installId, EntitlementRequestReader.read(TestInstallation.envelope(padded, paddedSig)).install());
    }

    @Test
    void aSignatureOverOtherBytesIsRefused() {
        String request = Base64Url.encode(pbx.onlineRequest().build().toString().getBytes(StandardCharsets.UTF_8));
        String sig = Base64Url.encode(pbx.sign(request + "x"));
        assertRefused("sig", EntitlementRequestReader.INVALID_SIGNATURE, TestInstallation.envelope(request, sig));
    }

    @Test
    void aRequestSignedByAnotherKeyIsRefused() {
        var other = new TestInstallation();
        String request = Base64Url.encode(pbx.onlineRequest().build().toString().getBytes(StandardCharsets.UTF_8));
        assertRefused("sig", EntitlementRequestReader.INVALID_SIGNATURE,
                TestInstallation.envelope(request, Base64Url.encode(other.sign(request))));
    }

    @Test
    void anInstallIdNotDerivedFromTheKeyIsRefused() {
        var other = new TestInstallation();
        assertRefused("install", EntitlementRequestReader.INSTALL_ID_MISMATCH,
                pbx.body(pbx.onlineRequest().add("install", other.installId)));
    }

    @Test
    void onlyVersionTwoIsAccepted() {
        assertRefused("v", EntitlementRequestReader.UNSUPPORTED_VERSION, pbx.body(pbx.onlineRequest().add("v", 3)));
        assertRefused("v", FieldError.OUT_OF_RANGE, pbx.body(pbx.onlineRequest().add("v", 2.5)));
    }

    @Test
    void fieldsAreChecked() {
        assertRefused("purpose", FieldError.INVALID_FORMAT, pbx.body(pbx.onlineRequest().add("purpose", "later")));
        assertRefused("nonce", FieldError.INVALID_FORMAT, pbx.body(pbx.onlineRequest().add("nonce", "abc")));
        assertRefused("seq", FieldError.OUT_OF_RANGE, pbx.body(pbx.onlineRequest().add("seq", 0)));
        assertRefused("seq", FieldError.REQUIRED, pbx.body(pbx.onlineRequest().remove("seq")));
        assertRefused("seq", FieldError.OUT_OF_RANGE,
                pbx.body(pbx.onlineRequest().add("seq", new java.math.BigDecimal("1e999999999"))));
        assertRefused("fingerprint", FieldError.INVALID_FORMAT, pbx.body(pbx.onlineRequest()
                .add("fingerprint", Json.createArrayBuilder().add("nothex"))));
        assertRefused("usage.46.used", FieldError.OUT_OF_RANGE, pbx.body(pbx.onlineRequest()
                .add("usage", Json.createObjectBuilder().add("46", Json.createObjectBuilder().add("used", -1)))));
        assertRefused("holders", FieldError.INVALID_FORMAT, pbx.body(pbx.onlineRequest()
                .add("holders", Json.createArrayBuilder().add(Json.createObjectBuilder().add("ref", "x")))));
    }

    @Test
    void anOfflineRequestNeedsNoSeq() {
        var request = EntitlementRequestReader.read(pbx.body(pbx.onlineRequest().add("purpose", "offline").remove("seq")));
        assertEquals(Purpose.OFFLINE, request.purpose());
        assertNull(request.seq());
    }

    @Test
    void garbageIsRefusedAsMalformed() {
        for (String garbage : new String[] {"", "not json", "[1]", "{\"request\": 1, \"sig\": \"x\"}",
                "{\"request\": \"***\", \"sig\": \"AA\"}", "{\"request\":\"" + "[".repeat(3000) + "\"}"}) {
            var refusal = assertThrows(LicensingException.class,
                    () -> EntitlementRequestReader.read(garbage.getBytes(StandardCharsets.UTF_8)), garbage);
            assertEquals(org.pbxlicensing.domain.failure.Failure.VALIDATION_FAILED, refusal.failure());
        }
        String notJson = Base64Url.encode("hello".getBytes(StandardCharsets.UTF_8));
        assertRefused("request", FieldError.MALFORMED_JSON,
                TestInstallation.envelope(notJson, Base64Url.encode(pbx.sign(notJson))));
    }

    private static void assertRefused(String field, String code, byte[] body) {
        var refusal = assertThrows(LicensingException.class, () -> EntitlementRequestReader.read(body));
        assertEquals(List.of(new FieldError(field, code)), refusal.fieldErrors(), refusal.fieldErrors().toString());
    }
}
