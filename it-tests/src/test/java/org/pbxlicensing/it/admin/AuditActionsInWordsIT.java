package org.pbxlicensing.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * The admin area's audit log and a registration's audit trail name every action in the staff's language,
 * Russian or English, never by the code the trail keeps; the log's filter offers the actions by name.
 */
@SystemTest
class AuditActionsInWordsIT extends BrowserTest {

    private static final Path ACTION_TEXTS =
            Path.of("../licensing-web/src/main/resources/org/pbxlicensing/web/text/auditActions_en.properties");

    @Test
    void theAuditPagesNameActionsInWordsInRussianAndEnglish() {
        String number = Pbx.register(33);
        String host = Pbx.newHostId();
        Pbx.activate(number, 33, host, "audited-pbx").then().statusCode(200);
        Store.activate(Store.coupon(34, 1), number).then().statusCode(200);
        String password = "admin-password-" + TestData.unique();
        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, StaffLogin.createUser("ADMIN", password), password);
        browser.find("nav:logout");

        browser.go("/admin/audit.xhtml");
        browser.find("audit:events");
        noActionCode("audit-ru");
        assertTrue(browser.pageText().contains("Активирован купон"), "the coupon's activation is named");
        browser.go("/admin/registration.xhtml?number=" + number);
        browser.find("reg:number");
        noActionCode("registration-audit-ru");
        assertTrue(browser.pageText().contains("Начат пробный период") && browser.pageText().contains("Привязан хост"));
        String reason = "клиент сменил сервер " + TestData.unique();
        browser.type("reg:reason", reason);
        browser.clickConfirmed("reg:bindings:0:reset");
        browser.waitForText("Привязка сброшена.");
        browser.waitForText("причина: " + reason);
        assertTrue(cells(".subject").contains("хост " + host), cells(".subject").toString());
        assertTrue(cells(".details").stream().anyMatch(cell -> cell.startsWith("функция 33, лицензия ")
                && cell.endsWith(", причина: " + reason)), cells(".details").toString());
        noEnglishDetails("registration-details-ru");
        assertEquals(List.of("бессрочная", "пробная"), cells(".kind").stream().sorted().toList());
        assertEquals(List.of("купон", "регистрация"), cells(".source").stream().sorted().toList());
        assertFalse(Pattern.compile("\\b(TRIAL|PERPETUAL|TERM|REGISTRATION|ACTIVATION|CAPTURE|COUPON|STAFF)\\b")
                .matcher(browser.pageText()).find(), "license kinds and sources in words");

        browser.find("reg:grantFeature_input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "999");
        browser.type("reg:reason", "проверка " + TestData.unique());
        browser.click("reg:grantLicense");
        browser.waitForText("Неизвестный номер функции");
        browser.screenshot("admin-refusal-in-words-ru");
        assertFalse(Pattern.compile("UNKNOWN_FEATURE|VALIDATION_FAILED|grantFeature")
                .matcher(browser.pageText()).find(), "a refusal in words, not codes");

        browser.go("/admin/audit.xhtml");
        browser.find("audit:events");
        noEnglishDetails("audit-details-ru");

        browser.go("/admin/registration.xhtml?number=" + number);
        browser.find("reg:number");
        StaffLogin.inEnglish(browser);
        noActionCode("registration-audit-en");
        assertTrue(cells(".details").stream().anyMatch(cell -> cell.endsWith(", reason: " + reason)), cells(".details").toString());
        assertTrue(cells(".subject").contains("host " + host), cells(".subject").toString());
        assertEquals(List.of("perpetual", "trial"), cells(".kind").stream().sorted().toList());
        assertTrue(browser.pageText().contains("Trial started") && browser.pageText().contains("Host bound"));
        browser.go("/admin/audit.xhtml");
        browser.find("audit:events");
        noActionCode("audit-en");
        assertTrue(browser.pageText().contains("Coupon activated"));

        browser.choose("audit:action", "Coupon activated");
        browser.click("audit:filter");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<String> actions = d.findElements(By.cssSelector("[id='audit:events_data'] .action")).stream()
                            .map(cell -> cell.getText()).toList();
                    return !actions.isEmpty() && actions.stream().allMatch("Coupon activated"::equals);
                });
        browser.screenshot("admin-audit-filtered-en");
    }

    private void noActionCode(String screenshot) {
        browser.screenshot("admin-" + screenshot);
        String text = browser.pageText();
        List<String> shown = actionCodes().stream()
                .filter(code -> Pattern.compile("\\b" + code + "\\b").matcher(text).find())
                .toList();
        assertEquals(List.of(), shown, "action codes on the page " + screenshot);
        assertFalse(browser.driver().findElements(By.cssSelector(".action")).stream()
                .anyMatch(cell -> cell.getText().contains("_")), screenshot);
    }

    /** The subjects and details of a Russian page: the trail's English phrases and codes read in Russian. */
    private void noEnglishDetails(String screenshot) {
        browser.screenshot("admin-" + screenshot);
        // The phrases the services write, not any English word: a host id such as "host-1a2b" is a name.
        Pattern english = Pattern.compile("(\\breason: |\\bfeature \\d|\\blicense \\d|\\bseat\\(s\\)|\\brole [A-Z]|\\brows \\d"
                + "|\\bholder |^host |^coupon |^staff |^session |\\b(TRIAL|PERPETUAL|TERM|ADMIN|SUPPORT|VIEWER|WELCOME)\\b)");
        List<String> shown = new java.util.ArrayList<>(cells(".subject"));
        shown.addAll(cells(".details"));
        assertFalse(shown.isEmpty(), screenshot);
        assertEquals(List.of(), shown.stream().filter(text -> english.matcher(text).find()).toList(),
                "English phrases or codes in the audit table " + screenshot);
    }

    private List<String> cells(String css) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream().map(cell -> cell.getText()).toList());
    }

    private static List<String> actionCodes() {
        try {
            List<String> codes = Files.readAllLines(ACTION_TEXTS).stream()
                    .filter(line -> line.startsWith("action.") && !line.startsWith("action.other"))
                    .map(line -> line.substring("action.".length(), line.indexOf('=')))
                    .toList();
            assertTrue(codes.contains("COUPON_ACTIVATED"), codes.toString());
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
