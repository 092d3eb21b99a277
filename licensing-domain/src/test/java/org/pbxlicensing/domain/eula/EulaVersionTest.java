package org.pbxlicensing.domain.eula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EulaVersionTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    static EulaVersion version(String label, Instant publishedAt) {
        return new EulaVersion(new EulaDraft(33, label, new EulaText("Соглашение " + label, "Текст"),
                new EulaText("Agreement " + label, "Text")), publishedAt);
    }

    @Test
    void theNewestPublishedVersionIsCurrent() {
        var first = version("1.0", NOW.minus(Duration.ofDays(300)));
        var second = version("1.1", NOW.minus(Duration.ofDays(10)));
        assertEquals("1.1", EulaVersion.current(List.of(second, first), NOW).orElseThrow().version());
    }

    @Test
    void aVersionPublishedForLaterIsNotInForceYet() {
        var first = version("1.0", NOW.minus(Duration.ofDays(300)));
        var scheduled = version("2.0", NOW.plus(Duration.ofDays(1)));
        assertEquals("1.0", EulaVersion.current(List.of(first, scheduled), NOW).orElseThrow().version());
        assertEquals("2.0", EulaVersion.current(List.of(first, scheduled), NOW.plus(Duration.ofDays(1)))
                .orElseThrow().version());
    }

    @Test
    void aFeatureWithoutPublishedVersionsHasNoAgreement() {
        assertTrue(EulaVersion.current(List.of(), NOW).isEmpty());
        assertTrue(EulaVersion.current(List.of(version("1.0", NOW.plusSeconds(1))), NOW).isEmpty());
    }

    @Test
    void textsAreRussianUnlessEnglishIsAsked() {
        var version = version("1.0", NOW);
        assertEquals("Agreement 1.0", version.text("en").title());
        assertEquals("Соглашение 1.0", version.text("ru").title());
        assertEquals("Соглашение 1.0", version.text("de").title());
    }
}
