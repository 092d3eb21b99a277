package org.pbxlicensing.it.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.FacesClient;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/** The staff's admin area in a real browser: login, roles, registrations, bindings, coupon batches. */
@SystemTest
class AdminIT extends BrowserTest {

    private static final List<String> ADMIN_PAGES = List.of("/admin/index.xhtml", "/admin/registrations.xhtml",
            "/admin/coupons.xhtml", "/admin/audit.xhtml");


    @Test
    void anUnauthenticatedVisitGoesToTheAdminLoginWhileThePortalAndTheApiStayOpen() {
        for (String page : new String[] {"/admin/index.xhtml", "/admin/registrations.xhtml", "/admin/coupons.xhtml",
                "/admin/mint.xhtml", "/admin/audit.xhtml", "/admin/registration.xhtml?number=x"}) {
            browser.go(page);
            assertTrue(browser.url().contains("/admin/login.xhtml"), page + " -> " + browser.url());
        }
        browser.screenshot("admin-login");
        assertTrue(browser.driver().findElements(By.id("nav:registrations")).isEmpty(), "no admin menu for a visitor");
        assertTrue(browser.driver().findElements(By.id("nav:logout")).isEmpty(), "no logout for a visitor");
        assertFalse(browser.pageText().contains("anonymous"));
        var csv = StaffLogin.get(browser, "/admin/coupons.csv");
        assertEquals(302, csv.statusCode());
        assertTrue(csv.headers().firstValue("Location").orElse("").contains("/admin/login.xhtml"));

        browser.go("/login.xhtml");
        assertTrue(browser.url().endsWith("/login.xhtml"));
        browser.find("login:credential");
        ServerUnderTest.api().get("/ping").then().statusCode(200);
    }

    @Test
    void anAdminFindsARegistrationResetsABindingMintsCouponsAndDownloadsThem() throws Exception {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, 33, host, "office-pbx").then().statusCode(200);

        browser.go("/admin/index.xhtml");
        StaffLogin.inEnglish(browser);
        StaffLogin.logIn(browser, StaffLogin.ADMIN, StaffLogin.ADMIN_PASSWORD);
        browser.find("chart");
        assertTrue(browser.url().contains("/admin/index.xhtml"), browser.url());
        assertTrue(Long.parseLong(browser.text("registrations")) >= 1);
        assertTrue(Long.parseLong(browser.text("activeBindings")) >= 1);
        // The per-day chart covers 30 days; today's registrations and activations include this test's.
        var perDay = new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> ((JavascriptExecutor) d)
                .executeScript("var w = PrimeFaces.widgets['perDayChart']; return w && w.chart ? w.chart.data : null;"));
        @SuppressWarnings("unchecked")
        var data = (java.util.Map<String, Object>) perDay;
        assertEquals(30, ((List<?>) data.get("labels")).size());
        for (int series : new int[] {0, 1}) {
            List<?> values = (List<?>) ((java.util.Map<?, ?>) ((List<?>) data.get("datasets")).get(series)).get("data");
            assertTrue(((Number) values.get(values.size() - 1)).longValue() >= 1, "today's value of series " + series);
        }
        browser.screenshot("admin-dashboard");

        browser.click("nav:registrations");
        browser.type("search:text", number);
        browser.click("search:submit");
        browser.waitForText(number);
        browser.screenshot("admin-registrations");
        browser.click("search:results:0:open");
        assertEquals(number, browser.text("reg:number"));
        browser.waitForText(host);
        browser.type("reg:reason", "customer moved the PBX");
        browser.screenshot("admin-registration");
        browser.clickConfirmed("reg:bindings:0:reset");
        browser.screenshot("admin-after-reset");
        browser.waitForText("The binding was reset.");
        browser.screenshot("admin-binding-reset");
        Pbx.check(number, host).then().statusCode(200).body("status", equalTo("BINDING_RESET"));

        browser.click("nav:mint");
        browser.find("mint:count_input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "500");
        browser.type("mint:note", "system test batch");
        browser.click("mint:submit");
        browser.find("mint:batchId");
        browser.screenshot("admin-mint-progress");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("done")).isEmpty());
        browser.screenshot("admin-mint-done");
        String batch = browser.text("mint:batchId");
        assertEquals("500", browser.text("mint:minted"));

        var csv = StaffLogin.get(browser, "/admin/coupons.csv?batch=" + batch);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        var lines = csv.body().lines().toList();
        assertEquals(501, lines.size());
        assertTrue(lines.get(0).startsWith("code,"));

        browser.click("nav:coupons");
        browser.find("coupons:list");
        browser.screenshot("admin-coupons");
    }

    @Test
    void aViewerSeesButCannotChangeEvenByCraftingTheRequest() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, 33, host, "office-pbx").then().statusCode(200);
        String viewer = StaffLogin.createUser("VIEWER", "viewer-password-1");

        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, viewer, "viewer-password-1");
        browser.find("chart");
        browser.go("/admin/registration.xhtml?number=" + number);
        assertEquals(number, browser.text("reg:number"));
        browser.waitForText(host);
        assertTrue(browser.driver().findElements(By.id("reg:bindings:0:reset")).isEmpty(), "no reset offered");
        assertTrue(browser.driver().findElements(By.id("nav:mint")).isEmpty(), "no minting offered");
        browser.screenshot("admin-viewer-registration");

        // A crafted post of the reset button with this page's valid view state.
        var page = browser.find("reg:number");
        ((JavascriptExecutor) browser.driver()).executeScript("""
                var form = document.getElementById('reg');
                var button = document.createElement('input');
                button.type = 'hidden'; button.name = 'reg:bindings:0:reset'; button.value = 'reg:bindings:0:reset';
                form.appendChild(button);
                document.getElementById('reg:reason').value = 'crafted';
                form.submit();""");
        browser.waitUntilGone(page);
        browser.find("reg:number");
        Pbx.check(number, host).then().statusCode(200).body("status", not(equalTo("BINDING_RESET")));

        assertEquals(403, StaffLogin.get(browser, "/admin/mint.xhtml").statusCode());
        assertEquals(403, StaffLogin.get(browser, "/admin/coupons.csv").statusCode());
        assertEquals(200, StaffLogin.get(browser, "/admin/coupons.xhtml").statusCode());
    }

    @Test
    void wrongPasswordsAreThrottledAndNeverLogged() throws Exception {
        String support = StaffLogin.createUser("SUPPORT", "support-password-1");
        String wrong = "wrong-password-" + System.nanoTime();

        browser.go("/admin/login.xhtml");
        StaffLogin.inEnglish(browser);
        StaffLogin.logIn(browser, support, wrong);
        browser.waitForText("Wrong user name or password.");
        for (int i = 0; i < 4; i++) {
            StaffLogin.logIn(browser, support, wrong);
        }
        StaffLogin.logIn(browser, support, "support-password-1");
        browser.waitForText("Too many wrong passwords");
        assertTrue(browser.url().contains("/admin/login.xhtml"), browser.url());
        browser.screenshot("admin-login-throttled");

        Path log = Path.of(System.getProperty("it.server.base"), "log", "server.log");
        if (Files.exists(log)) {
            String text = Files.readString(log);
            assertFalse(text.contains(wrong), "a wrong password is in the server log");
            assertFalse(text.contains("support-password-1"));
            assertFalse(text.contains(StaffLogin.ADMIN_PASSWORD), "the admin password is in the server log");
        }
    }

    @Test
    void afterWrongPasswordsEveryAdminPageAsksForALoginAndRendersOnceLoggedIn() {
        String password = "support-password-" + TestData.unique();
        String user = StaffLogin.createUser("SUPPORT", password);
        var staff = new FacesClient();
        staff.get("/admin/index.xhtml");
        for (int i = 0; i < 3; i++) {
            var refused = staff.logInToAdmin(user, "wrong-" + i);
            assertEquals(200, refused.statusCode());
            assertTrue(refused.body().contains("login:password"), "the login form is shown again");
            for (String page : ADMIN_PAGES) {
                var answer = staff.get(page);
                assertEquals(302, answer.statusCode(), page + " after a wrong password: " + answer.body());
                assertTrue(answer.headers().firstValue("Location").orElse("").contains("/admin/login.xhtml"), page);
            }
        }

        assertEquals(302, staff.logInToAdmin(user, password).statusCode());
        for (String page : ADMIN_PAGES) {
            var answer = staff.get(page);
            assertEquals(200, answer.statusCode(), page);
            assertTrue(answer.body().contains("nav:logout"), page + " renders the admin page");
        }
    }

    @Test
    void anAdminAddsAViewerWhoCanLogIn() {
        String name = "viewer-ui-" + System.nanoTime();
        browser.go("/admin/login.xhtml");
        StaffLogin.inEnglish(browser);
        StaffLogin.logIn(browser, StaffLogin.ADMIN, StaffLogin.ADMIN_PASSWORD);
        browser.click("nav:staffUsers");
        browser.type("staff:userName", name);
        browser.type("staff:password", "viewer-ui-password");
        browser.click("staff:create");
        browser.waitForText("The staff user was added.");
        assertTrue(browser.pageText().contains(name));
        browser.screenshot("admin-staff-users");
        browser.click("nav:logout");

        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, name, "viewer-ui-password");
        browser.find("chart");
        assertTrue(browser.driver().findElements(By.id("nav:staffUsers")).isEmpty());
        assertEquals(403, StaffLogin.get(browser, "/admin/staff.xhtml").statusCode());
    }

    @Test
    void supportResetsABindingButCannotMint() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, 33, host, "support-pbx").then().statusCode(200);
        String support = StaffLogin.createUser("SUPPORT", "support-password-2");

        browser.go("/admin/login.xhtml");
        StaffLogin.inEnglish(browser);
        StaffLogin.logIn(browser, support, "support-password-2");
        browser.find("chart");
        browser.go("/admin/registration.xhtml?number=" + number);
        browser.waitForText(host);
        browser.type("reg:reason", "support reset");
        browser.clickConfirmed("reg:bindings:0:reset");
        browser.waitForText("The binding was reset.");
        Pbx.check(number, host).then().statusCode(200).body("status", equalTo("BINDING_RESET"));
        assertTrue(browser.driver().findElements(By.id("reg:grantLicense")).isEmpty());
        assertEquals(403, StaffLogin.get(browser, "/admin/mint.xhtml").statusCode());
        assertEquals(200, StaffLogin.get(browser, "/admin/coupons.csv?state=REVOKED").statusCode());
    }
}
