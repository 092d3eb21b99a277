package org.pbxlicensing.web.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every action the services write into the audit trail reads as words in both languages. */
class AuditActionsTest {

    private static final Path SERVICES = Path.of("../licensing-ejb/src/main/java");
    private static final Pattern RECORD_CALL = Pattern.compile("\\.record(?:ForLicense)?\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");
    private static final Pattern UNDERSCORED_CODE = Pattern.compile("\"([A-Z][A-Z0-9]*_[A-Z0-9_]+)\"");

    @Test
    void everyActionTheServicesRecordHasARussianAndAnEnglishText() throws IOException {
        Set<String> recorded = recordedActions();
        assertTrue(recorded.contains("COUPON_ACTIVATED") && recorded.contains("HOST_BOUND"), "found " + recorded);
        for (String code : recorded) {
            String russian = AuditActions.actionText(code, RefusalTexts.RUSSIAN);
            String english = AuditActions.actionText(code, Locale.ENGLISH);
            assertNotEquals(AuditActions.actionText("NO_SUCH_ACTION", RefusalTexts.RUSSIAN), russian, code);
            assertNotEquals(AuditActions.actionText("NO_SUCH_ACTION", Locale.ENGLISH), english, code);
            assertFalse(russian.contains("_") || english.contains("_"), code);
        }
    }

    @Test
    void bothLanguagesNameTheSameActionsAndActors() {
        assertEquals(new TreeSet<>(AuditActions.keys(Locale.ENGLISH)), new TreeSet<>(AuditActions.keys(RefusalTexts.RUSSIAN)));
    }

    @Test
    void anUnknownActionReadsAsAnOtherChangeNotAsItsCode() {
        assertEquals("Other change", AuditActions.actionText("SOMETHING_NEW", Locale.ENGLISH));
        assertEquals("Другое изменение", AuditActions.actionText(null, RefusalTexts.RUSSIAN));
        assertEquals("Coupon activated", AuditActions.actionText("COUPON_ACTIVATED", Locale.ENGLISH));
        assertEquals("Активирован купон", AuditActions.actionText("COUPON_ACTIVATED", Locale.forLanguageTag("ru")));
    }

    /** The codes in the services' calls of the audit log, and in their direct inserts into its table. */
    private static Set<String> recordedActions() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SERVICES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher call = RECORD_CALL.matcher(source);
                while (call.find()) {
                    CODE.matcher(call.group(1)).results().forEach(code -> codes.add(code.group(1)));
                }
                if (source.contains("INSERT INTO audit_event")) {
                    UNDERSCORED_CODE.matcher(source).results().forEach(code -> codes.add(code.group(1)));
                }
            }
        }
        return codes;
    }
}
