package org.pbxlicensing.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.failure.FieldError;

class FeatureDraftRulesTest {

    @Test
    void aNamedFeatureWithACountingModeAndATrialIsAcceptable() {
        assertTrue(FeatureDraftRules.violations(
                new FeatureDraft(47, "CRM панель", CountingMode.PER_SESSION, 14, 2)).isEmpty());
    }

    @Test
    void everyFieldIsChecked() {
        assertEquals(List.of(
                        new FieldError("number", "OUT_OF_RANGE"),
                        new FieldError("name", "REQUIRED"),
                        new FieldError("countingMode", "REQUIRED"),
                        new FieldError("trialDays", "OUT_OF_RANGE"),
                        new FieldError("trialSeats", "OUT_OF_RANGE")),
                FeatureDraftRules.violations(new FeatureDraft(0, " ", null, 0, 0)));
    }

    @Test
    void namesAreShortSingleLines() {
        assertEquals(List.of(new FieldError("name", "TOO_LONG")), FeatureDraftRules.violations(
                new FeatureDraft(47, "x".repeat(101), CountingMode.PER_HOST, 30, 1)));
        assertEquals(List.of(new FieldError("name", "INVALID_FORMAT")), FeatureDraftRules.violations(
                new FeatureDraft(47, "two\nlines", CountingMode.PER_HOST, 30, 1)));
        assertEquals(List.of(new FieldError("name", "INVALID_FORMAT")), FeatureDraftRules.violations(
                new FeatureDraft(47, "Panel\u202Eorp", CountingMode.PER_HOST, 30, 1)));
    }

    @Test
    void aRussianNameIsOptionalAndCheckedLikeTheName() {
        assertTrue(FeatureDraftRules.violations(
                new FeatureDraft(31, "Call log", CountingMode.PER_HOST, 30, 1, null, "Журнал звонков")).isEmpty());
        assertEquals(List.of(new FieldError("russianName", "TOO_LONG")), FeatureDraftRules.violations(
                new FeatureDraft(31, "Call log", CountingMode.PER_HOST, 30, 1, null, "ж".repeat(101))));
        assertEquals(List.of(new FieldError("russianName", "INVALID_FORMAT")), FeatureDraftRules.violations(
                new FeatureDraft(31, "Call log", CountingMode.PER_HOST, 30, 1, null, "Журнал\u202Eвонков")));
    }

    @Test
    void russianPagesReadTheRussianNameWhereThereIsOne() {
        var callLog = new Feature(new FeatureDraft(31, "Call log", CountingMode.PER_HOST, 30, 1, null, " Журнал звонков "));
        assertEquals("Журнал звонков", callLog.nameIn("ru"));
        assertEquals("Call log", callLog.nameIn("en"));
        var brand = new Feature(new FeatureDraft(33, "Askozia PBX", CountingMode.PER_HOST, 30, 1, null, " "));
        assertEquals("Askozia PBX", brand.nameIn("ru"));
        callLog.change(new FeatureDraft(31, "Call log", CountingMode.PER_HOST, 30, 1));
        assertEquals("Call log", callLog.nameIn("ru"), "a change without a Russian name removes it");
    }

    @Test
    void aChangeKeepsTheNumberAndTakesEverythingElse() {
        var feature = new Feature(47, "Panel", CountingMode.PER_HOST, 30, 1);
        feature.change(new FeatureDraft(47, " CRM panel ", CountingMode.PER_SESSION, 14, 3));
        assertEquals("CRM panel", feature.name());
        assertEquals(CountingMode.PER_SESSION, feature.countingMode());
        assertEquals(14, feature.trialDays());
        assertEquals(3, feature.trialSeats());
        assertThrows(IllegalArgumentException.class,
                () -> feature.change(new FeatureDraft(48, "Other", CountingMode.PER_HOST, 30, 1)));
    }

    @Test
    void silentHostsAreReleasedAfterAWeekAtTheSoonest() {
        assertTrue(FeatureDraftRules.violations(
                new FeatureDraft(33, "PBX", CountingMode.PER_HOST, 30, 1, 7)).isEmpty());
        assertEquals(List.of(new FieldError("releaseSilentAfterDays", "OUT_OF_RANGE")), FeatureDraftRules.violations(
                new FeatureDraft(33, "PBX", CountingMode.PER_HOST, 30, 1, 6)));
    }

    @Test
    void aFeatureCountedPerSessionHasNoHostsToRelease() {
        assertEquals(List.of(new FieldError("releaseSilentAfterDays", "COUNTED_PER_SESSION")),
                FeatureDraftRules.violations(new FeatureDraft(47, "Panel", CountingMode.PER_SESSION, 30, 1, 7)));
    }

    @Test
    void aChangeSetsAndClearsTheSilentHostRelease() {
        var feature = new Feature(33, "PBX", CountingMode.PER_HOST, 30, 1);
        assertTrue(feature.silentHostRelease().isEmpty());
        feature.change(new FeatureDraft(33, "PBX", CountingMode.PER_HOST, 30, 1, 10));
        assertEquals(10, feature.silentHostRelease().orElseThrow().days());
        feature.change(new FeatureDraft(33, "PBX", CountingMode.PER_HOST, 30, 1));
        assertTrue(feature.silentHostRelease().isEmpty());
    }
}
