package org.pbxlicensing.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.pbxlicensing.domain.staff.Base32;
import org.pbxlicensing.domain.staff.PasswordHash;
import org.pbxlicensing.domain.staff.Totp;
import org.pbxlicensing.it.support.Accessibility;
import org.pbxlicensing.it.support.Accessibility.Screen;
import org.pbxlicensing.it.support.Browser;
import org.pbxlicensing.it.support.DatabaseProcess;
import org.pbxlicensing.it.support.ServerProcess;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.StartedProcesses;
import org.pbxlicensing.it.support.TestData;

/**
 * With {@code LICENSING_ADMIN_REQUIRE_TOTP=true}, in Chromium: an admin without a second factor is sent to
 * "My account" from every other admin page until they have enrolled one, and reaches every page after;
 * support staff are not asked. The setting is the server's, so the test boots a server of its own with it.
 */
class SecondFactorRequiredIT {

    @RegisterExtension
    final StartedProcesses started = new StartedProcesses();

    @Test
    void anAdminWithoutASecondFactorSeesOnlyTheAccountPageUntilEnrolledAndSupportIsNotAsked() {
        Assumptions.assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
        DatabaseProcess database = started.add(DatabaseProcess.fresh("totp-required"));
        started.add(ServerProcess.boot("totp-required", database,
                server -> server.setting("LICENSING_ADMIN_REQUIRE_TOTP", "true")));
        String adminPassword = "admin-password-" + TestData.unique();
        String admin = staffUser(database, "ADMIN", adminPassword);
        String supportPassword = "support-password-" + TestData.unique();
        String support = staffUser(database, "SUPPORT", supportPassword);

        try (Browser browser = Browser.open()) {
            browser.go("/admin/login.xhtml");
            StaffLogin.inEnglish(browser);
            StaffLogin.logIn(browser, admin, adminPassword);
            browser.find("totp:start");
            assertOnAccountPage(browser, "after the login");
            for (String page : new String[] {"/admin/index.xhtml", "/admin/registrations.xhtml", "/admin/staff.xhtml",
                    "/admin/webhooks.xhtml"}) {
                browser.go(page);
                browser.find("totp:start");
                assertOnAccountPage(browser, page);
            }
            assertTrue(browser.text("totpRequired").startsWith("Administrators of this server need a second factor."),
                    browser.text("totpRequired"));
            var accessibility = Accessibility.of(browser, "admin-totp-required", "en", Screen.DESKTOP);
            accessibility.check("account");
            accessibility.assertNoneFound();
            browser.screenshot("admin-totp-required-en");
            browser.click("lang:ru");
            browser.waitForText("Администраторам на этом сервере нужен второй фактор.");
            browser.screenshot("admin-totp-required-ru");
            StaffLogin.inEnglish(browser);

            browser.click("totp:start");
            String alt = browser.find("qr").getAttribute("alt");
            byte[] secret = Base32.decode(alt.substring(alt.lastIndexOf(' ') + 1));
            browser.type("totp:enrolCode", Totp.code(secret, Totp.step(Instant.now())));
            browser.click("totp:confirmEnrolment");
            browser.waitForText("The second factor is on.");

            browser.go("/admin/account.xhtml");
            browser.find("nav:logout");
            assertTrue(browser.driver().findElements(By.id("totpRequired")).isEmpty(), "enrolled, nothing more is asked");
            browser.go("/admin/registrations.xhtml");
            browser.find("nav:logout");
            assertTrue(browser.url().contains("/admin/registrations.xhtml"), browser.url());
            assertEquals(1, database.count("SELECT COUNT(*) FROM staff_user WHERE user_name = ? AND totp_enabled = TRUE", admin));

            browser.click("nav:logout");
            StaffLogin.logIn(browser, support, supportPassword);
            browser.find("nav:logout");
            browser.go("/admin/registrations.xhtml");
            browser.find("nav:logout");
            assertTrue(browser.url().contains("/admin/registrations.xhtml"), "support is not asked: " + browser.url());
            assertTrue(browser.driver().findElements(By.id("totp:start")).isEmpty(), "support stays where they went");
        }
    }

    private static void assertOnAccountPage(Browser browser, String after) {
        assertTrue(browser.url().contains("/admin/account.xhtml"), after + ": " + browser.url());
    }

    private static String staffUser(DatabaseProcess database, String role, String password) {
        String name = role.toLowerCase() + "-" + TestData.unique();
        database.execute("""
                INSERT INTO staff_user (user_name, role, password_hash, enabled, created_at)
                VALUES (?, ?, ?, TRUE, UTC_TIMESTAMP(6))""", name, role, PasswordHash.hash(password.toCharArray()));
        return name;
    }
}
