package org.pbxlicensing.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SessionClient;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * What customers and PBXs send is shown as text, never run: markup in a registration's company,
 * contact, city, a host name and a session holder appears literally in the portal and in the admin
 * area of a real browser, and none of its scripts runs.
 */
@SystemTest
class EscapingIT extends BrowserTest {

    private static final String COMPANY = "<script>window.injected='company'</script><b id=\"bold\">ACME</b>";
    private static final String CONTACT = "<img src=x onerror=\"window.injected='contact'\">";
    private static final String CITY = "\"><svg onload=\"window.injected='city'\"></svg>";
    private static final String HOST_NAME = "<iframe src=\"javascript:parent.injected='host'\"></iframe>";
    private static final String HOLDER = "</td><script>window.injected='holder'</script>";

    @Test
    void markupIsShownLiterallyInThePortalAndTheAdminAreaAndNeverRuns() {
        var form = TestData.registrationForm();
        form.put("company", COMPANY + " " + TestData.unique());
        form.put("contactPerson", CONTACT);
        form.put("city", CITY);
        String number = api().body(form).post("/registrations").then().statusCode(201).extract()
                .path("registrationNumber");
        String host = Pbx.newHostId();
        Pbx.activate(number, 33, host, HOST_NAME).then().statusCode(200);
        SessionClient.capture(number, SessionClient.PANEL, Map.of("user", HOLDER)).then().statusCode(201);

        logInToPortal(number);
        assertShownLiterally(COMPANY, CONTACT, CITY);
        browser.screenshot("escaping-portal-overview");
        browser.click("nav:monitor");
        browser.waitForText(host);
        browser.click("monitor:tabs:bindings:0:info");
        browser.find("monitor:infoHostName");
        assertEquals(HOST_NAME, browser.text("monitor:infoHostName"));
        assertNothingRan();
        ((JavascriptExecutor) browser.driver()).executeScript("PF('info').hide()");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("monitor:infoDialog_modal")));
        browser.driver().findElement(By.xpath("//a[contains(@href, 'sessions')]")).click();
        browser.waitForText(HOLDER);
        assertNothingRan();

        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, StaffLogin.ADMIN, StaffLogin.ADMIN_PASSWORD);
        browser.go("/admin/registration.xhtml?number=" + number);
        browser.waitForText(host);
        assertTrue(browser.text("reg:company").startsWith(COMPANY), browser.text("reg:company"));
        assertShownLiterally(CONTACT, HOST_NAME, HOLDER);
        browser.screenshot("escaping-admin-registration");
        browser.go("/admin/registrations.xhtml");
        browser.type("search:text", number);
        browser.click("search:submit");
        browser.waitForText(COMPANY);
        assertNothingRan();
    }

    private void assertShownLiterally(String... texts) {
        for (String text : texts) {
            browser.waitForText(text);
        }
        assertNothingRan();
    }

    private void assertNothingRan() {
        var script = (JavascriptExecutor) browser.driver();
        assertNull(script.executeScript("return window.injected"), "an injected script ran");
        assertTrue(browser.driver().findElements(By.id("bold")).isEmpty(), "injected markup became an element");
        assertTrue(browser.driver().findElements(By.cssSelector("img[src='x'], iframe, svg[onload]")).isEmpty(),
                "injected markup became an element");
    }
}
