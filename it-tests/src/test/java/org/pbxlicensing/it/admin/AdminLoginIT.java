package org.pbxlicensing.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * The staff login as a member of staff meets it in Chromium: a mistyped password leaves a working login
 * page with its message, and whatever failed before, the right password opens every admin page.
 */
@SystemTest
class AdminLoginIT extends BrowserTest {

    @Test
    void aWrongPasswordThenTheRightOneReachesTheDashboardAndEveryAdminPage() {
        String password = "admin-password-" + TestData.unique();
        String user = StaffLogin.createUser("ADMIN", password);
        List<String> pages = adminPages();

        browser.go("/admin/registrations.xhtml");
        StaffLogin.inEnglish(browser);
        assertOnLoginPage("/admin/registrations.xhtml");
        browser.screenshot("admin-login-en");

        StaffLogin.logIn(browser, user, "wrong-" + TestData.unique());
        browser.waitForText("Wrong user name or password.");
        assertOnLoginPage("after a wrong password");
        browser.screenshot("admin-login-refused-en");

        for (String page : pages) {
            browser.go(page);
            assertOnLoginPage(page + " after a wrong password");
        }

        StaffLogin.logIn(browser, user, "wrong-again-" + TestData.unique());
        browser.waitForText("Wrong user name or password.");
        StaffLogin.logIn(browser, user, password);
        browser.find("chart");
        assertTrue(browser.url().contains("/admin/index.xhtml"), browser.url());
        for (String page : pages) {
            assertRendersForStaff(page, user);
        }
    }

    @Test
    void aLoggedInMemberOfStaffWhoLogsInAgainWithAWrongPasswordIsRefusedAndLoggedOut() {
        String password = "admin-password-" + TestData.unique();
        String user = StaffLogin.createUser("ADMIN", password);
        String other = StaffLogin.createUser("VIEWER", "viewer-password-" + TestData.unique());

        browser.go("/admin/login.xhtml");
        StaffLogin.inEnglish(browser);
        StaffLogin.logIn(browser, user, password);
        browser.find("chart");

        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, other, "wrong-" + TestData.unique());
        browser.waitForText("Wrong user name or password.");
        assertOnLoginPage("after a wrong password of a logged-in user");
        for (String page : adminPages()) {
            browser.go(page);
            assertOnLoginPage(page + " after a wrong password of a logged-in user");
        }
        StaffLogin.logIn(browser, user, password);
        browser.find("chart");
        for (String page : adminPages()) {
            assertRendersForStaff(page, user);
        }
    }

    @Test
    void anEmptyFormAndAThrottledLoginBothLeaveAWorkingLoginPage() {
        String password = "support-password-" + TestData.unique();
        String user = StaffLogin.createUser("SUPPORT", password);

        browser.go("/admin/login.xhtml");
        StaffLogin.inEnglish(browser);
        var submit = browser.find("login:submit");
        submit.click();
        browser.waitUntilGone(submit);
        assertOnLoginPage("after an empty form");
        browser.go("/admin/coupons.xhtml");
        assertOnLoginPage("/admin/coupons.xhtml after an empty form");

        for (int i = 0; i < 6; i++) {
            StaffLogin.logIn(browser, user, "wrong-" + i);
        }
        browser.waitForText("Too many wrong passwords");
        assertOnLoginPage("after a throttled login");
        browser.screenshot("admin-login-throttled-en");
        browser.go("/admin/index.xhtml");
        assertOnLoginPage("/admin/index.xhtml after a throttled login");
    }

    @Test
    void theLoginPageShowsAStrangerNoMenuAndNoName() {
        for (String language : List.of("ru", "en")) {
            browser.go("/admin/login.xhtml");
            if ("en".equals(language)) {
                StaffLogin.inEnglish(browser);
            }
            assertOnLoginPage("login page in " + language);
            assertFalse(browser.pageText().contains("anonymous"), browser.pageText());
            assertFalse(browser.pageText().contains("Выйти"), browser.pageText());
            assertFalse(browser.pageText().contains("Log out"), browser.pageText());
            browser.screenshot("admin-login-stranger-" + language);
        }
    }

    /** The admin pages, the registration page of a real registration among them. */
    private static List<String> adminPages() {
        return List.of("/admin/index.xhtml", "/admin/registrations.xhtml", "/admin/bindings.xhtml",
                "/admin/coupons.xhtml", "/admin/mint.xhtml", "/admin/features.xhtml", "/admin/eulas.xhtml",
                "/admin/audit.xhtml", "/admin/staff.xhtml", "/admin/account.xhtml", "/admin/webhooks.xhtml",
                "/admin/exports.xhtml", "/admin/search.xhtml?q=ромашк", "/admin/registration.xhtml?number=" + Pbx.register());
    }

    /** A working login page: its form, no admin menu, no logout, nobody named. */
    private void assertOnLoginPage(String after) {
        browser.find("login:userName");
        browser.find("login:password");
        browser.find("login:submit");
        assertTrue(browser.url().contains("/admin/login.xhtml"), after + ": " + browser.url());
        assertTrue(browser.driver().findElements(By.id("nav:registrations")).isEmpty(), after + ": an admin menu");
        assertTrue(browser.driver().findElements(By.id("nav:logout")).isEmpty(), after + ": a logout link");
        assertTrue(browser.driver().findElements(By.id("nav:who")).isEmpty(), after + ": somebody named");
    }

    /** The page renders its admin content with the staff's name and logout in the menu. */
    private void assertRendersForStaff(String page, String user) {
        browser.go(page);
        assertEquals(user, browser.text("nav:who"), page);
        browser.find("nav:logout");
        assertFalse(browser.driver().findElements(By.cssSelector("main h1")).isEmpty(), page + " has no heading");
        assertFalse(browser.driver().findElement(By.cssSelector("main h1")).getText().isBlank(), page + " is blank");
        assertTrue(browser.driver().findElements(By.id("login:password")).isEmpty(), page + " asks for a login");
    }
}
