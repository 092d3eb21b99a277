package org.pbxlicensing.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;

class UntrustedJsonTest {

    @Test
    void aNumberTooLongForTheParserIsMalformedJson() {
        for (String body : new String[] {"{\"n\": " + "9".repeat(5_000) + "}",
                "{\"a\": [1, {\"n\": 0." + "1".repeat(5_000) + "}]}"}) {
            var refusal = assertThrows(LicensingException.class,
                    () -> UntrustedJson.object(body.getBytes(StandardCharsets.UTF_8), "", 8));
            assertEquals(Failure.VALIDATION_FAILED, refusal.failure());
        }
    }

    @Test
    void ordinaryNumbersAreRead() {
        var object = UntrustedJson.object("{\"n\": 123456789012345678901234567890, \"f\": 1.5e10}"
                .getBytes(StandardCharsets.UTF_8), "", 8);
        assertEquals("123456789012345678901234567890", object.getJsonNumber("n").bigIntegerValue().toString());
    }
}
