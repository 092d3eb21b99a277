package org.pbxlicensing.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.pbxlicensing.it.mail.Mails;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * Every portal page, in Russian and in English, with and without refusals on it, reads as text for
 * people: no license kind, refusal or field-error code, no key of a missing text, no Faces client id. The
 * customer logs in by a link mailed to them, so the link's pages and the list of registrations are read too. The
 * privacy notice is linked from the consent box, and a page that does not exist looks like the others.
 */
@SystemTest
class PortalTextIT extends BrowserTest {

    /** A code (TRIAL, VALIDATION_FAILED), a text key (failure.X) or a generated component id. */
    private static final Pattern RAW = Pattern.compile(
            "\\b(TRIAL|PERPETUAL|TERM|REQUIRED|INVALID|[A-Z]{2,}_[A-Z_]{2,})\\b"
                    + "|\\b(failure|field|kind|login|loginLink|register|monitor|overview|offline|forgot|coupon|eula|agreements"
                    + "|privacy|chooser|license|trial)\\.[A-Za-z]"
                    + "|j_idt|\\b(registration|login|loginLink|open|chooser|coupon|monitor|offline|forgot|nav|eula):[A-Za-z]");

    private final List<String> found = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void noPortalPageShowsACode(String language) {
        browser.fromAnAddressOfItsOwn();
        browser.go("/login.xhtml");
        browser.click("nav:" + language);
        browser.find("login:credential");
        scan("login", language);

        browser.type("login:credential", "MIKO-00000-00000-00000-00000");
        browser.click("login:submit");
        browser.find("messages");
        scan("login-refused", language);

        browser.type("login:credential", "");
        browser.click("login:submit");
        browser.find("messages");
        scan("login-empty", language);

        browser.go("/register.xhtml");
        browser.find("registration:company");
        scan("register", language);
        browser.type("registration:email", "not-an-email");
        browser.click("registration:submit");
        browser.find("registration:company");
        String errors = browser.pageText();
        scan("register-errors", language);
        assertTrue(errors.contains("ru".equals(language) ? "Компания: Обязательное поле" : "Company: Required"),
                "a field error names its field: " + errors);
        assertEquals(4, browser.driver().findElements(By.cssSelector(".ui-outputlabel-rfi")).size(),
                "company, contact person, email and consent are marked required");

        String id = TestData.unique();
        register("ООО Тексты " + id, "texts-" + id + "@example.com");
        String number = browser.text("number");
        scan("registered", language);
        browser.go("/register.xhtml");
        register("ООО Тексты " + id, "texts-" + id + "@example.com");
        browser.find("repeated");
        scan("registered-repeated", language);

        browser.go("/forgot.xhtml");
        browser.find("forgot:email");
        scan("forgot", language);

        browser.go("/register.xhtml");
        assertTrue(browser.find("registration:privacy").getAttribute("href").endsWith("/privacy.xhtml"),
                "the consent box links to the privacy notice");
        browser.go("/privacy.xhtml");
        browser.find("toRegister");
        assertTrue(browser.pageText().contains("ru".equals(language) ? "Ваши права" : "Your rights"));
        scan("privacy", language);

        browser.go("/no-such-page.xhtml");
        browser.waitForText("ru".equals(language) ? "Страница не найдена" : "Page not found");
        assertEquals("rgba(30, 58, 95, 1)", browser.driver().findElement(By.cssSelector("header.topbar"))
                .getCssValue("background-color"), "the error page has the pages' look");
        scan("not-found", language);

        Database.grantPerpetualLicense(number, 31, 2);
        api().body(Map.of("registrationNumber", number, "feature", 46,
                "holder", Map.of("user", "operator-" + id, "host", "crm-" + id))).post("/sessions")
                .then().statusCode(201);
        Pbx.activate(number, 33, Pbx.newHostId(), "office-pbx").then().statusCode(200);

        String link = logInByLink("texts-" + id + "@example.com", language);
        browser.waitForText("Askozia PBX");
        scan("overview", language);
        assertProductNamesIn(language, browser.pageText());

        browser.type("coupon:code", "MIKOUPD-00000-00000-00000-00000");
        browser.click("coupon:activate");
        browser.find("messages");
        scan("overview-coupon-refused", language);

        browser.click("licenses:0:open");
        browser.find("history");
        scan("license", language);
        browser.go("/portal/overview.xhtml");
        browser.find("trials");
        browser.driver().findElements(By.cssSelector(".trial-offer")).stream()
                .filter(offer -> "34".equals(offer.findElement(By.cssSelector("input[name='product']")).getAttribute("value")))
                .findFirst().orElseThrow(() -> new AssertionError("no trial of 34 offered"))
                .findElement(By.tagName("button")).click();
        browser.find("state");
        browser.find("messages");
        scan("trial-started", language);

        browser.click("nav:monitor");
        browser.find("monitor:tabs:bindings");
        scan("monitor", language);
        browser.click("monitor:tabs:bindings:0:reset");
        browser.find("resetWarning");
        scan("monitor-reset", language);
        browser.go("/portal/monitor.xhtml");
        browser.find("monitor:tabs:bindings");
        browser.driver().findElement(By.linkText("ru".equals(language) ? "Активные сессии" : "Active sessions")).click();
        browser.waitForText("operator-" + id);
        scan("monitor-sessions", language);
        assertProductNamesIn(language, browser.pageText());

        browser.click("nav:offline");
        browser.find("offline");
        scan("offline", language);
        browser.click("offline:submit");
        browser.find("messages");
        scan("offline-refused", language);

        browser.click("nav:agreements");
        browser.find("history");
        scan("agreements", language);

        browser.go(link);
        browser.find("open:refusal");
        scan("login-link-used", language);

        assertEquals(List.of(), found, "codes on the " + language + " pages");
    }

    /** Asks for a login link, opens it from the mail and chooses the registration: each page on the way is read. */
    private String logInByLink(String email, String language) {
        browser.go("/login-link.xhtml");
        browser.find("loginLink:email");
        scan("login-link", language);
        browser.type("loginLink:email", email);
        browser.click("loginLink:submit");
        browser.find("messages");
        scan("login-link-sent", language);
        String link = Mails.loginLinkPath(email, 1);
        browser.go(link);
        browser.find("open:logIn");
        scan("login-link-open", language);
        browser.click("open:logIn");
        browser.find("chooser:registrations");
        scan("registrations", language);
        browser.click("nav:overview");
        browser.find("number");
        return link;
    }

    /** The catalogue's name in the page's language; a brand (Askozia PBX) reads the same in both. */
    private static void assertProductNamesIn(String language, String page) {
        boolean russian = "ru".equals(language);
        List<String> shown = russian ? List.of("Журнал звонков", "Панель телефонии для CRM (сеансы)")
                : List.of("Call log", "CRM telephony panel (sessions)");
        List<String> other = russian ? List.of("Call log", "CRM telephony panel") : List.of("Журнал звонков", "Панель телефонии");
        assertTrue(shown.stream().anyMatch(page::contains), "a product name in " + language + " on the page");
        other.forEach(name -> assertFalse(page.contains(name), "\"" + name + "\" on the " + language + " page"));
    }

    private void register(String company, String email) {
        browser.type("registration:company", company);
        browser.type("registration:contactPerson", "Анна Смирнова");
        browser.type("registration:email", email);
        browser.click("registration:consent");
        browser.click("registration:submit");
    }

    private void scan(String page, String language) {
        browser.screenshot("text-" + page + "-" + language);
        Matcher raw = RAW.matcher(browser.pageText());
        while (raw.find()) {
            found.add(page + ": " + raw.group());
        }
    }
}
