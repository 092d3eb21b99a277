package org.pbxlicensing.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B, the SHA-1 rows: time in seconds, code of 8 digits. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void givesTheCodesOfRfc6238AppendixB(long seconds, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertEquals(expected, Totp.code(RFC_SEED, step, 8, "HmacSHA1"));
    }

    @Test
    void sixDigitsAreTheLastSixOfTheEightDigitCode() {
        long step = Totp.step(Instant.ofEpochSecond(1111111109));
        assertEquals("081804", Totp.code(RFC_SEED, step));
    }

    @Test
    void acceptsTheCodeOfTheStepBeforeAndAfterButNotFurther() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        assertEquals(OptionalLong.of(step - 1), Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 1), now, 0));
        assertEquals(OptionalLong.of(step + 1), Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 1), now, 0));
        assertTrue(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 2), now, 0).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 2), now, 0).isEmpty());
    }

    @Test
    void aCodeAlreadyUsedIsNotAcceptedAgain() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        String code = Totp.code(RFC_SEED, step);
        assertEquals(OptionalLong.of(step), Totp.matchingStep(RFC_SEED, code, now, step - 1));
        assertTrue(Totp.matchingStep(RFC_SEED, code, now, step).isEmpty());
    }

    @Test
    void refusesWhatIsNotSixDigits() {
        Instant now = Instant.ofEpochSecond(59);
        assertTrue(Totp.matchingStep(RFC_SEED, "94287082", now, 0).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SEED, null, now, 0).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SEED, "abcdef", now, 0).isEmpty());
    }

    @Test
    void theUriCarriesTheSecretInBase32() {
        String uri = Totp.uri("PBX Licensing", "anna", RFC_SEED);
        assertEquals("otpauth://totp/PBX%20Licensing:anna?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=PBX%20Licensing"
                + "&algorithm=SHA1&digits=6&period=30", uri);
        assertEquals("12345678901234567890", new String(Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
                StandardCharsets.US_ASCII));
    }

    @Test
    void recoveryCodesAreTenDifferentAndHashIgnoringCaseAndDash() {
        var codes = RecoveryCodes.generate();
        assertEquals(10, codes.stream().distinct().count());
        String code = codes.get(0);
        assertTrue(RecoveryCodes.looksLikeOne(code), code);
        assertEquals(RecoveryCodes.hash(code), RecoveryCodes.hash(code.toUpperCase().replace("-", " ")));
    }
}
