package org.pbxlicensing.it.portal;

import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.pbxlicensing.it.mail.Mails;
import org.pbxlicensing.it.support.Accessibility;
import org.pbxlicensing.it.support.Accessibility.Screen;
import org.pbxlicensing.it.support.Browser;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * Every portal page, in Russian and English, on a desktop and on a phone, meets WCAG 2.1 AA as axe-core
 * checks it: no critical or serious violation. Open dialogs and pages with errors are checked as shown.
 * On a phone (390 × 844 CSS pixels, a touch screen) no page scrolls sideways and every open dialog fits,
 * with a customer whose host and session holder have long names.
 * One browser per language and screen walks the pages in sequence, logging in by a link mailed to the
 * customer (so that the link's pages and the list of the company's registrations are walked too); each
 * page leaves its screenshot.
 */
@SystemTest
class PortalAccessibilityIT extends BrowserTest {

    /** What the walk shows, in order: the pages anyone sees, then, logged in, a customer's pages. */
    private static final List<Page> PAGES = List.of(
            Page.open("login", "/login.xhtml", "login:credential"),
            Page.step("login-refused", b -> {
                b.go("/login.xhtml");
                b.type("login:credential", "MIKO-00000-00000-00000-00000");
                b.click("login:submit");
                b.find("messages");
            }),
            Page.open("register", "/register.xhtml", "registration:company"),
            Page.step("register-errors", b -> {
                b.go("/register.xhtml");
                b.type("registration:email", "not-an-email");
                b.click("registration:submit");
                b.find("messages");
            }),
            Page.step("registered", b -> registerWithTheForm(b, TestData.unique())),
            Page.step("registered-repeated", b -> {
                String id = TestData.unique();
                registerWithTheForm(b, id);
                b.go("/register.xhtml");
                fillInTheForm(b, id);
                b.click("registration:submit");
                b.find("repeated");
            }),
            Page.open("forgot", "/forgot.xhtml", "forgot:email"),
            Page.open("login-link", "/login-link.xhtml", "loginLink:email"),
            Page.open("privacy", "/privacy.xhtml", "toRegister"),
            Page.step("not-found", b -> {
                b.go("/no-such-page.xhtml");
                b.find("main");
            }),
            Page.customer("overview", "/portal/overview.xhtml", "number"),
            Page.customerStep("license", b -> {
                b.go("/portal/overview.xhtml");
                b.click("licenses:0:open");
                b.find("history");
            }),
            Page.customer("monitor", "/portal/monitor.xhtml", "monitor:tabs:bindings"),
            Page.customerStep("monitor-reset-dialog", b -> {
                b.go("/portal/monitor.xhtml");
                b.click("monitor:tabs:bindings:0:reset");
                b.find("resetWarning");
            }),
            Page.customerStep("monitor-info-dialog", b -> {
                b.go("/portal/monitor.xhtml");
                b.click("monitor:tabs:bindings:0:info");
                b.find("monitor:infoHostId");
            }),
            Page.customerStep("monitor-sessions", b -> {
                b.go("/portal/monitor.xhtml");
                b.find("monitor:tabs:bindings");
                b.driver().findElement(By.cssSelector("[id='monitor:tabs'] .ui-tabs-nav li:nth-child(2) a")).click();
                b.find("monitor:tabs:liveSessions");
            }),
            Page.customer("offline", "/portal/offline.xhtml", "offline:file"),
            Page.customer("agreements", "/portal/agreements.xhtml", "history"));

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"ru, DESKTOP", "en, DESKTOP", "ru, PHONE", "en, PHONE"})
    void everyPortalPageMeetsWcag21AA(String language, Screen screen) {
        var accessibility = Accessibility.of(browser, "portal", language, screen);
        browser.fromAnAddressOfItsOwn();
        browser.go("/login.xhtml");
        browser.click("nav:" + language);
        browser.find("login:credential");
        for (Page page : PAGES.stream().filter(page -> !page.customer()).toList()) {
            page.show().accept(browser);
            accessibility.check(page.name());
        }
        String link = logInByLink(aCustomerWithAHostAndASession(), accessibility);
        for (Page page : PAGES.stream().filter(Page::customer).toList()) {
            page.show().accept(browser);
            accessibility.check(page.name());
        }
        browser.go(link);
        browser.find("open:refusal");
        accessibility.check("login-link-used");
        accessibility.assertNoneFound();
    }

    /**
     * Logs in by a link mailed to the registration's email, checking the pages on the way: the request's
     * answer, the link's page and the list of the company's registrations. Answers the link, now spent.
     */
    private String logInByLink(String number, Accessibility accessibility) {
        String email = Database.strings("SELECT email FROM registration WHERE number = ?", number).get(0);
        browser.go("/login-link.xhtml");
        browser.type("loginLink:email", email);
        browser.click("loginLink:submit");
        browser.find("messages");
        accessibility.check("login-link-sent");
        String link = Mails.loginLinkPath(email, 1);
        browser.go(link);
        browser.find("open:logIn");
        accessibility.check("login-link-open");
        browser.click("open:logIn");
        browser.find("chooser:registrations:1:open");
        accessibility.check("registrations");
        browser.click("chooser:registrations:1:open");
        browser.waitForTextOf("number", number);
        return link;
    }

    private static void registerWithTheForm(Browser browser, String id) {
        browser.go("/register.xhtml");
        fillInTheForm(browser, id);
        browser.click("registration:submit");
        browser.find("number");
    }

    private static void fillInTheForm(Browser browser, String id) {
        browser.type("registration:company", "A11y " + id);
        browser.type("registration:contactPerson", "Anna");
        browser.type("registration:email", "a11y-" + id + "@example.com");
        browser.click("registration:consent");
    }

    /**
     * The second registration of a company (so that the list of its registrations offers to switch), with a
     * host bound and a session live.
     */
    private static String aCustomerWithAHostAndASession() {
        String id = TestData.unique();
        var form = TestData.registrationForm();
        form.put("feature", 33);
        api().body(form).post("/registrations").then().statusCode(201);
        String number = api().body(form).post("/registrations").then().statusCode(201)
                .extract().path("registrationNumber");
        Database.grantPerpetualLicense(number, 46, 3);
        api().body(Map.of("registrationNumber", number, "feature", 46,
                "holder", Map.of("user", "operator-with-a-long-name-" + id, "host", "crm-" + id))).post("/sessions")
                .then().statusCode(201);
        Pbx.activate(number, 33, Pbx.newHostId(), "office-pbx-in-the-server-room-" + id).then().statusCode(200);
        return number;
    }

    /** A page of the walk: how to show it, and whether only a logged-in customer sees it. */
    private record Page(String name, Consumer<Browser> show, boolean customer) {

        static Page open(String name, String path, String shownWhen) {
            return new Page(name, visit(path, shownWhen), false);
        }

        static Page step(String name, Consumer<Browser> show) {
            return new Page(name, show, false);
        }

        static Page customer(String name, String path, String shownWhen) {
            return new Page(name, visit(path, shownWhen), true);
        }

        static Page customerStep(String name, Consumer<Browser> show) {
            return new Page(name, show, true);
        }

        private static Consumer<Browser> visit(String path, String shownWhen) {
            return b -> {
                b.go(path);
                b.find(shownWhen);
            };
        }
    }
}
