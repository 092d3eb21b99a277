package org.pbxlicensing.domain.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubmissionKeyTest {

    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void theEmailsCaseAndTheCompanysSpacesAndCaseMakeNoDifference() {
        assertEquals(SubmissionKey.of("Anna@Example.com", "ООО Ромашка"),
                SubmissionKey.of(" anna@example.COM ", "  ооо ромашка "));
    }

    @Test
    void anotherCompanyOrAnotherEmailIsAnotherSubmission() {
        var key = SubmissionKey.of("anna@example.com", "ООО Ромашка");
        assertNotEquals(key, SubmissionKey.of("anna@example.com", "ООО Лютик"));
        assertNotEquals(key, SubmissionKey.of("boris@example.com", "ООО Ромашка"));
    }

    @Test
    void theKeyIsADigestAndHoldsNoAddress() {
        String value = SubmissionKey.of("anna@example.com", "Romashka").value();
        assertEquals(64, value.length());
        assertFalse(value.contains("anna"));
    }

    @Test
    void aRegistrationAnswersRepeatsForADay() {
        assertTrue(SubmissionKey.repeats(NOON, NOON.plus(Duration.ofHours(23))));
        assertFalse(SubmissionKey.repeats(NOON, NOON.plus(Duration.ofDays(1))));
        assertFalse(SubmissionKey.repeats(null, NOON));
    }
}
