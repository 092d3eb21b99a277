package org.pbxlicensing.domain.eula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EulaAcceptanceTest {

    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void anAcceptanceWithoutAHostWasGivenInThePortal() {
        assertTrue(new EulaAcceptance(33, "1.0", "Соглашение", "Agreement", "", NOON).inPortal());
        assertFalse(new EulaAcceptance(33, "1.0", "Соглашение", "Agreement", "a1b2c3", NOON).inPortal());
    }

    @Test
    void theTitleIsEnglishOnlyForEnglish() {
        var acceptance = new EulaAcceptance(33, "1.0", "Соглашение", "Agreement", "", NOON);
        assertEquals("Agreement", acceptance.title("en"));
        assertEquals("Соглашение", acceptance.title("ru"));
        assertEquals("Соглашение", acceptance.title("de"));
    }
}
