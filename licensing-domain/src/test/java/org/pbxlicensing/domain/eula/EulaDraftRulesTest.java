package org.pbxlicensing.domain.eula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.failure.FieldError;

class EulaDraftRulesTest {

    private static final EulaText RU = new EulaText("Лицензионное соглашение", "1. Текст.\n2. Ещё текст.\t(табуляция)");
    private static final EulaText EN = new EulaText("License agreement", "1. Text.\r\n2. More text.");

    @Test
    void aCompleteDraftInBothLanguagesIsAcceptable() {
        assertTrue(EulaDraftRules.violations(new EulaDraft(33, "2026.1-rc_2", RU, EN)).isEmpty());
    }

    @Test
    void bothLanguagesAndAVersionAreRequired() {
        assertEquals(List.of(
                        new FieldError("version", "REQUIRED"),
                        new FieldError("en.title", "REQUIRED"),
                        new FieldError("en.text", "REQUIRED")),
                EulaDraftRules.violations(new EulaDraft(33, " ", RU, null)));
    }

    @Test
    void versionLabelsAreShortWordsWithoutSpaces() {
        assertEquals(List.of(new FieldError("version", "INVALID_FORMAT")),
                EulaDraftRules.violations(new EulaDraft(33, "version 2", RU, EN)));
        assertEquals(List.of(new FieldError("version", "TOO_LONG")),
                EulaDraftRules.violations(new EulaDraft(33, "1".repeat(33), RU, EN)));
    }

    @Test
    void titlesAreOneLineAndTextsHaveNoOtherControlCharacters() {
        assertEquals(List.of(new FieldError("ru.title", "INVALID_FORMAT"), new FieldError("en.text", "INVALID_FORMAT")),
                EulaDraftRules.violations(new EulaDraft(33, "2", new EulaText("Строка\nвторая", "Текст"),
                        new EulaText("Title", "Text\u0007"))));
    }

    @Test
    void titlesAndTextsHaveNoDirectionControls() {
        assertEquals(List.of(new FieldError("ru.title", "INVALID_FORMAT"), new FieldError("en.text", "INVALID_FORMAT")),
                EulaDraftRules.violations(new EulaDraft(33, "2", new EulaText("Соглашение\u202E", "Текст"),
                        new EulaText("Title", "You may \u2067not\u2069 copy it."))));
    }
}
