package org.pbxlicensing.web.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The audit trail's subjects and details read in the staff's language; what people typed stays as typed. */
class AuditWordsTest {

    private static final Locale RU = RefusalTexts.RUSSIAN;
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b(reason|feature|license|seat|role|rows|holder|host"
            + "|coupon|month|perpetual|version|company|trial|released|never|events|staff|session|export)\\b");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z]+(_[A-Z]+)*\\b");

    /** Details as the services write them, one of each form. */
    private static final List<String> WRITTEN = List.of(
            "feature 33, reason: клиент сменил сервер",
            "feature 33, license 7, reason: клиент сменил сервер",
            "feature 33, license 7 (TRIAL)",
            "feature 33, license 7, last seen 2026-01-02T03:04:05Z, host silent for 30 days",
            "PERPETUAL, feature 33, 2 seat(s), reason: продано по ошибке",
            "TERM, feature 34, reason: продано по ошибке",
            "rows 12345",
            "'Call log', PER_HOST, trial 30 day(s) 1 seat(s), silent hosts released never"
                    + " -> 'Call log', PER_HOST, trial 30 day(s) 2 seat(s), silent hosts released after 14 day(s)",
            "company ООО Ромашка, email info@romashka.ru",
            "holder host pbx-1, reason: ушёл",
            "feature 46, holder host pbx-1, user olga, reason: уволилась",
            "feature 33, version 3",
            "reason: причина",
            "role SUPPORT -> VIEWER, reason: перевод",
            "role ADMIN",
            "first admin, role ADMIN",
            "WELCOME",
            "https://hooks.example.com/in, events all",
            "5 coupon(s) for shop@example.com",
            "100 coupon(s) of feature 33, 2 seat(s), 12 month(s)",
            "3 coupon(s) of feature 33, 1 seat(s), perpetual",
            "license 9: PERPETUAL, feature 33, 2 seat(s)",
            "license 9, 3 seat(s) until 2026-02-01T00:00:00Z",
            "feature 33, TERM, ends at 2026-02-01T00:00:00Z");

    @Test
    void russianDetailsHaveNoEnglishPhraseAndNoCode() {
        for (String details : WRITTEN) {
            String russian = AuditWords.detailsText(details, RU);
            assertFalse(ENGLISH_WORD.matcher(russian).find(), details + " -> " + russian);
            assertFalse(CODE.matcher(russian).find(), details + " -> " + russian);
        }
    }

    @Test
    void englishDetailsNameCodesInWords() {
        for (String details : WRITTEN) {
            String english = AuditWords.detailsText(details, Locale.ENGLISH);
            assertFalse(CODE.matcher(english).find(), details + " -> " + english);
        }
        assertEquals("feature 33, license 7, reason: customer replaced the server",
                AuditWords.detailsText("feature 33, license 7, reason: customer replaced the server", Locale.ENGLISH));
    }

    @Test
    void theReasonAndTypedNamesStayAsTyped() {
        assertEquals("функция 33, лицензия 7, причина: feature license, role ADMIN",
                AuditWords.detailsText("feature 33, license 7, reason: feature license, role ADMIN", RU));
        assertEquals("компания Feature Seats Ltd, email role@example.com",
                AuditWords.detailsText("company Feature Seats Ltd, email role@example.com", RU));
        assertEquals("роль: поддержка → наблюдатель, причина: перевод",
                AuditWords.detailsText("role SUPPORT -> VIEWER, reason: перевод", RU));
        assertEquals("https://hooks.example.com/in, события: все",
                AuditWords.detailsText("https://hooks.example.com/in, events all", RU));
    }

    @Test
    void subjectsNameTheirKindInTheLanguage() {
        assertEquals("сотрудник ivan", AuditWords.subjectText("staff ivan", RU));
        assertEquals("адрес вебхука 4", AuditWords.subjectText("webhook endpoint 4", RU));
        assertEquals("хост a1b2", AuditWords.subjectText("host a1b2", RU));
        assertEquals("MIKO-46NTT-*****", AuditWords.subjectText("MIKO-46NTT-*****", RU));
        assertEquals("host a1b2", AuditWords.subjectText("host a1b2", Locale.ENGLISH));
        assertEquals("", AuditWords.subjectText(null, RU));
    }

    @Test
    void aBindingsReleaseReasonReadsInTheLanguageUnlessStaffTypedIt() {
        assertEquals("хост молчал 30 дн.", AuditWords.releaseReasonText("host silent for 30 days", RU));
        assertEquals("лицензия отозвана", AuditWords.releaseReasonText("license revoked", RU));
        assertEquals("освобождён через API", AuditWords.releaseReasonText("released through the API", RU));
        assertEquals("released by the customer in the portal",
                AuditWords.releaseReasonText("released by the customer in the portal", Locale.ENGLISH));
        assertEquals("клиент сменил сервер", AuditWords.releaseReasonText("клиент сменил сервер", RU));
        assertEquals("", AuditWords.releaseReasonText(null, RU));
    }
}
