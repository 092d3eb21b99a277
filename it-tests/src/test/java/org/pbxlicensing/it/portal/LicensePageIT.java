package org.pbxlicensing.it.portal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * The page of one license in the portal: its kind, state, seats in use as the monitor counts them, end
 * date, the hosts or sessions that hold it and its history in words. A customer reaches only their own
 * licenses: any other id answers the portal's 404 page.
 */
@SystemTest
class LicensePageIT extends BrowserTest {

    private static final Pattern ACTION_CODE = Pattern.compile("\\b[A-Z]{3,}_[A-Z_]{3,}\\b");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void aTrialsPageShowsItsStateSeatsEndHostAndHistoryInWords(String language) {
        boolean ru = "ru".equals(language);
        String number = Pbx.register(33);
        String oldHost = Pbx.newHostId();
        String host = Pbx.newHostId();
        Pbx.activate(number, 33, oldHost, "old-pbx").then().statusCode(200);
        Pbx.reset(number, oldHost).then().statusCode(204);
        Pbx.activate(number, 33, host, "office-pbx").then().statusCode(200);
        String trialEnd = Database.strings("""
                SELECT DATE_FORMAT(l.ends_at, '%d.%m.%Y') FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.feature_number = 33""", number).get(0);

        logInToPortal(number);
        inLanguage(language);
        browser.click("licenses:0:open");
        browser.find("state");
        browser.screenshot("license-trial-" + language);

        assertAll(
                () -> assertEquals(ru ? "Пробная" : "Trial", browser.text("kind")),
                () -> assertEquals(ru ? "Действует" : "Active", browser.text("state")),
                () -> assertEquals("1 / 1", browser.text("seats")),
                () -> assertEquals(trialEnd, browser.text("endsAt")),
                () -> assertTrue(browser.text("bindings").contains(host), "the bound host is listed"),
                () -> assertFalse(browser.text("bindings").contains(oldHost), "a released host is not bound"));
        String history = browser.text("history");
        assertAll(
                () -> assertTrue(history.contains(ru ? "Начат пробный период" : "Trial started"), history),
                () -> assertTrue(history.contains(ru ? "Привязан хост" : "Host bound"), history),
                () -> assertTrue(history.contains(ru ? "Привязка сброшена" : "Binding reset"), history),
                () -> assertTrue(history.contains(oldHost) && history.contains(host), history),
                () -> assertTrue(history.contains(LocalDate.now(java.time.ZoneOffset.UTC).format(DATE)), history),
                () -> assertFalse(ACTION_CODE.matcher(browser.pageText()).find(), browser.pageText()));
    }

    @Test
    void aCouponsLicenseShowsItsActivationAndAPerSessionLicenseItsLiveSessions() {
        String number = Pbx.register(33);
        Store.activate(Store.coupon(34, 2), number).then().statusCode(200);
        Database.grantPerpetualLicense(number, 46, 3);
        String operator = "operator-" + TestData.unique();
        api().body(Map.of("registrationNumber", number, "feature", 46, "holder", Map.of("user", operator, "host", "crm")))
                .post("/sessions").then().statusCode(201);

        logInToPortal(number);
        inLanguage("en");
        browser.click("licenses:1:open");
        browser.find("state");
        assertEquals("Perpetual", browser.text("kind"));
        assertEquals("0 / 2", browser.text("seats"));
        assertEquals("never", browser.text("endsAt"));
        assertTrue(browser.text("history").contains("Coupon activated"), browser.text("history"));
        browser.screenshot("license-coupon-en");
        inLanguage("ru", "state");
        assertEquals("Бессрочная", browser.text("kind"), "the page switched to Russian is still the license's");
        assertTrue(browser.text("history").contains("Активирован купон"), browser.text("history"));

        browser.go("/portal/overview.xhtml");
        browser.click("licenses:2:open");
        browser.find("sessions");
        assertEquals("1 / 3", browser.text("seats"));
        assertTrue(browser.text("sessions").contains(operator), browser.text("sessions"));
        assertTrue(browser.text("history").contains("Начата сессия"), browser.text("history"));
        browser.screenshot("license-sessions-ru");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void theLicensePageFitsAPhone(String language) {
        String number = Pbx.register(33);
        Pbx.activate(number, 33, "host-with-a-rather-long-identifier-" + TestData.unique(), "pbx").then().statusCode(200);
        ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        logInToPortal(number);
        inLanguage(language);
        browser.click("licenses:0:open");
        browser.find("history");
        browser.screenshot("phone-license-" + language);
        long width = ((Number) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth")).longValue();
        assertTrue(width <= 390, "the license page is " + width + " px wide on a 390 px screen");
    }

    @Test
    void anotherCustomersLicenseAndGuessedIdsAnswerTheNotFoundPage() {
        String mine = Pbx.register(33);
        String theirs = Pbx.register(34);
        String theirHost = Pbx.newHostId();
        Pbx.activate(theirs, 34, theirHost, "their-pbx").then().statusCode(200);
        long myLicense = licenseOf(mine, 33);
        long theirLicense = licenseOf(theirs, 34);

        logInToPortal(mine);
        assertEquals(200, StaffLogin.get(browser, "/portal/license.xhtml?id=" + myLicense).statusCode());
        for (String id : List.of(String.valueOf(theirLicense), String.valueOf(theirLicense + 1000), "0", "-1",
                "abc", "1e3", "99999999999999999999", "", String.valueOf(myLicense) + "'")) {
            var answer = StaffLogin.get(browser, "/portal/license.xhtml?id=" + java.net.URLEncoder.encode(id,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(404, answer.statusCode(), "id " + id);
            assertFalse(answer.body().contains(theirHost) || answer.body().contains("Askozia CFE"), "id " + id);
        }
        assertEquals(404, StaffLogin.get(browser, "/portal/license.xhtml").statusCode());

        browser.go("/portal/license.xhtml?id=" + theirLicense);
        browser.waitForText("Страница не найдена");
        assertFalse(browser.pageText().contains(theirHost));
        browser.screenshot("license-of-another-customer-ru");
    }

    private void inLanguage(String language) {
        inLanguage(language, "number");
    }

    /** Switches the page's language and waits for the page to show the element again. */
    private void inLanguage(String language, String elementId) {
        var link = browser.find("nav:" + language);
        link.click();
        browser.waitUntilGone(link);
        browser.find(elementId);
    }

    private static long licenseOf(String number, int feature) {
        return Long.parseLong(Database.strings("""
                SELECT l.id FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.feature_number = ?""", number, feature).get(0));
    }
}
