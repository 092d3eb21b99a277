package org.pbxlicensing.domain.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.failure.FieldError;

class RegistrationFormRulesTest {

    private static RegistrationForm form(String company, String email, String phone, boolean consent) {
        return new RegistrationForm(company, "Иван Петров", email, phone, null, "RU", "Москва", null, consent);
    }

    @Test
    void completeFormHasNoViolations() {
        assertTrue(RegistrationFormRules.violations(form("ООО Ромашка", "ivan@romashka.ru", "+7 495 123-45-67", true))
                .isEmpty());
    }

    @Test
    void missingRequiredFieldsAndConsentAreNamed() {
        assertEquals(List.of(
                        new FieldError("company", "REQUIRED"),
                        new FieldError("email", "REQUIRED"),
                        new FieldError("consent", "CONSENT_REQUIRED")),
                RegistrationFormRules.violations(form(null, " ", null, false)));
    }

    @Test
    void emailsAndPhonesAreChecked() {
        assertEquals(List.of(new FieldError("email", "INVALID_FORMAT"), new FieldError("phone", "INVALID_FORMAT")),
                RegistrationFormRules.violations(form("ACME", "ivan@localhost", "phone", true)));
    }

    @Test
    void lengthIsCountedInCharactersNotBytes() {
        assertTrue(RegistrationFormRules.violations(form("Я".repeat(200), "a@b.ru", null, true)).isEmpty());
        assertEquals(List.of(new FieldError("company", "TOO_LONG")),
                RegistrationFormRules.violations(form("Я".repeat(201), "a@b.ru", null, true)));
    }

    @Test
    void controlCharactersAreRefused() {
        assertEquals(List.of(new FieldError("company", "INVALID_FORMAT")),
                RegistrationFormRules.violations(form("ACME\u0000", "a@b.ru", null, true)));
    }

    @Test
    void directionControlsAreRefusedInEveryNameAndPlace() {
        for (char control : "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069".toCharArray()) {
            String spoof = "ACME" + control + "gnp.exe";
            var form = new RegistrationForm(spoof, spoof, "a@b.ru", null, null, spoof, spoof, null, true);
            assertEquals(List.of(
                            new FieldError("company", "INVALID_FORMAT"),
                            new FieldError("contactPerson", "INVALID_FORMAT"),
                            new FieldError("country", "INVALID_FORMAT"),
                            new FieldError("city", "INVALID_FORMAT")),
                    RegistrationFormRules.violations(form), Integer.toHexString(control));
        }
    }

    @Test
    void rightToLeftLettersAreNames() {
        var form = new RegistrationForm("שלום בע\"מ", "محمد علي", "a@b.ru", null, null, "IL", "תל אביב", null, true);
        assertTrue(RegistrationFormRules.violations(form).isEmpty());
    }

    @Test
    void companyKeyIgnoresCaseQuotesAndSpaces() {
        assertEquals(Registration.companyKey("ООО «Ромашка»"), Registration.companyKey("ооо ромашка"));
    }
}
