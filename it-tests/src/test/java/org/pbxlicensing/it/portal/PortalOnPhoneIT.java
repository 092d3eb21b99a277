package org.pbxlicensing.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * Every portal page on a phone (390 × 844 CSS pixels, a touch screen), in Russian and English: the page
 * never scrolls sideways, and a dialog fits the screen. What a page holds that is wider (a long host id)
 * wraps or scrolls inside its own box.
 */
@SystemTest
class PortalOnPhoneIT extends BrowserTest {

    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;

    private final List<String> tooWide = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void noPortalPageScrollsSidewaysOnAPhone(String language) {
        ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 2, "mobile", true));
        browser.go("/login.xhtml");
        browser.click("nav:" + language);
        browser.find("login:credential");
        check("login", language);

        browser.go("/register.xhtml");
        browser.find("registration:company");
        check("register", language);
        browser.click("registration:submit");
        browser.find("messages");
        check("register-errors", language);

        browser.go("/forgot.xhtml");
        browser.find("forgot:email");
        check("forgot", language);
        browser.go("/login-link.xhtml");
        browser.find("loginLink:email");
        check("login-link", language);
        browser.go("/privacy.xhtml");
        browser.find("toRegister");
        check("privacy", language);
        browser.go("/no-such-page.xhtml");
        browser.waitForText("ru".equals(language) ? "Страница не найдена" : "Page not found");
        check("not-found", language);

        String id = TestData.unique();
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, 46, 3);
        api().body(Map.of("registrationNumber", number, "feature", 46,
                "holder", Map.of("user", "operator-with-a-long-name-" + id, "host", "crm-" + id))).post("/sessions")
                .then().statusCode(201);
        Pbx.activate(number, 33, Pbx.newHostId(), "office-pbx-in-the-server-room-" + id).then().statusCode(200);

        logInToPortal(number);
        browser.waitForText("Askozia PBX");
        check("overview", language);
        browser.click("licenses:0:open");
        browser.find("history");
        check("license", language);

        browser.click("nav:monitor");
        browser.find("monitor:tabs:bindings");
        check("monitor", language);
        browser.click("monitor:tabs:bindings:0:reset");
        browser.find("resetWarning");
        check("monitor-reset", language);
        fitsTheScreen("monitor:resetDialog", "monitor-reset", language);
        browser.go("/portal/monitor.xhtml");
        browser.find("monitor:tabs:bindings");
        browser.click("monitor:tabs:bindings:0:info");
        browser.find("monitor:infoHostId");
        fitsTheScreen("monitor:infoDialog", "monitor-info", language);
        browser.go("/portal/monitor.xhtml");
        browser.find("monitor:tabs:bindings");
        browser.driver().findElement(By.linkText("ru".equals(language) ? "Активные сессии" : "Active sessions")).click();
        browser.waitForText("operator-with-a-long-name-" + id);
        check("monitor-sessions", language);

        browser.click("nav:offline");
        browser.find("offline");
        check("offline", language);

        browser.click("nav:agreements");
        browser.find("history");
        check("agreements", language);

        assertEquals(List.of(), tooWide, "pages wider than a phone's screen");
    }

    private void check(String page, String language) {
        browser.screenshot("phone-" + page + "-" + language);
        long width = number("return document.documentElement.scrollWidth");
        if (width > WIDTH) {
            tooWide.add(page + " (" + language + "): " + width + " px");
        }
    }

    private void fitsTheScreen(String dialogId, String page, String language) {
        browser.screenshot("phone-" + page + "-" + language);
        long right = number("var r = document.getElementById('" + dialogId + "').getBoundingClientRect();"
                + " return Math.ceil(r.right) > window.innerWidth || r.left < 0 ? Math.ceil(r.right - r.left) : 0");
        if (right > 0) {
            tooWide.add(page + " dialog (" + language + "): " + right + " px");
        }
    }

    private long number(String script) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(script)).longValue();
    }
}
