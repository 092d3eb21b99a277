package org.pbxlicensing.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.pbxlicensing.domain.crypto.SecretsKey;
import org.pbxlicensing.domain.staff.Base32;
import org.pbxlicensing.domain.staff.Totp;
import org.pbxlicensing.it.support.Browser;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * A member of staff's own account and the admins' management of staff, in Chromium: an authenticator
 * enrolled from the QR code's key, the login that asks for its code and refuses a wrong or used one,
 * a password changed by its owner, and a member an admin re-roles and disables, whose open session
 * ends at once.
 */
@SystemTest
class StaffAccountIT extends BrowserTest {

    /**
     * The wrong passwords and codes these tests type count against the login throttle of their client
     * address; each browser comes through the trusted proxy from an address of its own, so that they do
     * not use up the allowance of the other browser tests, which all come from 127.0.0.1.
     */
    @BeforeEach
    void fromAnAddressOfItsOwn() {
        fromAnAddressOfItsOwn(browser);
    }

    private static void fromAnAddressOfItsOwn(Browser browser) {
        var chrome = (ChromiumDriver) browser.driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("X-Forwarded-For", ServerUnderTest.randomClientAddress())));
    }

    @Test
    void aMemberEnrolsAnAuthenticatorAndThenLogsInOnlyWithAFreshCodeOfIt() {
        String password = "support-password-" + TestData.unique();
        String user = StaffLogin.createUser("SUPPORT", password);
        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, user, password);
        browser.click("nav:account");
        browser.click("totp:start");
        browser.find("qr");
        browser.screenshot("admin-account-totp-enrol-ru");
        StaffLogin.inEnglish(browser);

        String alt = browser.find("qr").getAttribute("alt");
        assertTrue(alt.startsWith("QR code for the authenticator app; key: "), alt);
        byte[] secret = Base32.decode(alt.substring(alt.lastIndexOf(' ') + 1));
        assertEquals(Totp.SECRET_BYTES, secret.length);
        browser.screenshot("admin-account-totp-enrol-en");
        long enrolStep = Totp.step(Instant.now());
        browser.type("totp:enrolCode", Totp.code(secret, enrolStep));
        browser.click("totp:confirmEnrolment");
        browser.waitForText("The second factor is on.");
        List<String> recoveryCodes = browser.driver().findElements(By.cssSelector("#recoveryCodes li")).stream()
                .map(WebElement::getText).toList();
        assertEquals(10, recoveryCodes.size(), recoveryCodes.toString());
        browser.screenshot("admin-account-totp-recovery-en");

        String stored = Database.strings("SELECT totp_secret FROM staff_user WHERE user_name = ?", user).get(0);
        assertTrue(stored.startsWith("v1."), "the secret is sealed");
        assertFalse(stored.contains(Base32.encode(secret)), "the secret is not stored readable");
        assertEquals(0, Database.count("SELECT COUNT(*) FROM staff_recovery_code WHERE user_name = ? AND code_hash IN (?, ?)",
                user, recoveryCodes.get(0), recoveryCodes.get(1)), "recovery codes are stored as digests only");
        assertEquals(10, Database.count("SELECT COUNT(*) FROM staff_recovery_code WHERE user_name = ?", user));

        browser.click("nav:logout");
        StaffLogin.logIn(browser, user, password);
        inRussian();
        browser.find("code:code");
        browser.screenshot("admin-login-code-ru");
        StaffLogin.inEnglish(browser);
        submitCode(Totp.code(secret, enrolStep));
        browser.waitForText("Wrong or already used code.");
        submitCode(wrongCode(secret));
        browser.waitForText("Wrong or already used code.");
        browser.screenshot("admin-login-code-refused-en");
        assertTrue(browser.driver().findElements(By.id("nav:logout")).isEmpty(), "nobody is logged in");

        String fresh = Totp.code(secret, Totp.step(Instant.now()) + 1);
        submitCode(fresh);
        browser.find("nav:logout");
        assertTrue(browser.url().contains("/admin/index.xhtml"), browser.url());

        browser.click("nav:logout");
        StaffLogin.logIn(browser, user, password);
        submitCode(fresh);
        browser.find("code:code");
        assertTrue(browser.driver().findElements(By.id("nav:logout")).isEmpty(), "a code is accepted once only");

        submitCode(recoveryCodes.get(0));
        browser.find("nav:logout");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM staff_recovery_code WHERE user_name = ? AND used_at IS NOT NULL",
                user));

        browser.click("nav:account");
        browser.type("totp:removePassword", password);
        browser.type("totp:removeCode", recoveryCodes.get(1));
        browser.click("totp:remove");
        assertTrue(browser.confirmationText().startsWith("Remove your second factor?"), browser.confirmationText());
        browser.answerConfirmation("confirm:yes");
        browser.waitForText("The second factor was removed.");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'STAFF_TOTP_REMOVED' AND actor = ?",
                user));
        browser.click("nav:logout");
        StaffLogin.logIn(browser, user, password);
        browser.find("nav:logout");
        assertTrue(browser.driver().findElements(By.id("code:code")).isEmpty(), "the login asks no code any more");
    }

    @Test
    void aMemberChangesTheirPasswordAndTheOldOneStopsWorking() {
        String password = "viewer-password-" + TestData.unique();
        String user = StaffLogin.createUser("VIEWER", password);
        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, user, password);
        browser.click("nav:account");
        StaffLogin.inEnglish(browser);

        String newPassword = "new-viewer-password-" + TestData.unique();
        browser.type("password:current", "not-my-password");
        browser.type("password:new", newPassword);
        browser.click("password:change");
        browser.waitForText("The current password is wrong.");

        browser.type("password:current", password);
        browser.type("password:new", newPassword);
        browser.click("password:change");
        browser.waitForText("Your password was changed.");
        browser.screenshot("admin-account-password-changed-en");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'STAFF_PASSWORD_CHANGED' AND actor = ?",
                user));

        browser.click("nav:logout");
        StaffLogin.logIn(browser, user, password);
        browser.find("login:password");
        assertTrue(browser.driver().findElements(By.id("nav:logout")).isEmpty(), "the old password no longer works");
        StaffLogin.logIn(browser, user, newPassword);
        browser.find("nav:logout");
    }

    @Test
    void anAdminReRolesAndDisablesAMemberWhoseOpenSessionEndsAtItsNextRequest() {
        String password = "viewer-password-" + TestData.unique();
        String member = StaffLogin.createUser("VIEWER", password);
        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, member, password);
        browser.find("nav:logout");

        String adminPassword = "admin-password-" + TestData.unique();
        String admin = StaffLogin.createUser("ADMIN", adminPassword);
        String newPassword = "reset-password-" + TestData.unique();
        try (Browser adminBrowser = Browser.open()) {
            fromAnAddressOfItsOwn(adminBrowser);
            adminBrowser.go("/admin/login.xhtml");
            StaffLogin.logIn(adminBrowser, admin, adminPassword);
            adminBrowser.click("nav:staffUsers");
            adminBrowser.find("staff:users");
            adminBrowser.screenshot("admin-staff-ru");

            adminBrowser.choose("manage:target", member);
            adminBrowser.type("manage:newPassword", newPassword);
            adminBrowser.clickConfirmed("manage:resetPassword");
            adminBrowser.waitForText("Укажите причину: она записывается в журнал аудита.");
            assertEquals(0, staffAudited("STAFF_PASSWORD_RESET", member, "%"), "no reason, no reset");

            String passwordReason = "сотрудник забыл пароль " + TestData.unique();
            adminBrowser.choose("manage:target", member);
            adminBrowser.type("manage:newPassword", newPassword);
            adminBrowser.type("manage:manageReason", passwordReason);
            adminBrowser.click("manage:resetPassword");
            adminBrowser.confirmationText();
            adminBrowser.screenshot("admin-staff-confirm-password-ru");
            adminBrowser.answerConfirmation("confirm:yes");
            adminBrowser.waitForText("Новый пароль задан.");
            assertEquals(1, staffAudited("STAFF_PASSWORD_RESET", member, "reason: " + passwordReason));

            StaffLogin.inEnglish(adminBrowser);
            String roleReason = "moved to the support desk " + TestData.unique();
            adminBrowser.choose("manage:target", member);
            adminBrowser.choose("manage:newRole", "Support");
            adminBrowser.type("manage:manageReason", roleReason);
            adminBrowser.clickConfirmed("manage:changeRole");
            adminBrowser.waitForText("The role was changed.");
            assertEquals(1, staffAudited("STAFF_ROLE_CHANGED", member, "role VIEWER -> SUPPORT, reason: " + roleReason));
            adminBrowser.screenshot("admin-staff-en");

            browser.go("/admin/registrations.xhtml");
            browser.find("login:userName");
            StaffLogin.logIn(browser, member, password);
            assertTrue(browser.driver().findElements(By.id("nav:logout")).isEmpty(), "the reset password replaced the old");
            StaffLogin.logIn(browser, member, newPassword);
            browser.find("nav:logout");

            adminBrowser.clickConfirmed(rowButton(adminBrowser, member, "disable"));
            adminBrowser.waitForText("Give a reason: it is recorded in the audit log.");
            assertEquals(1, Database.count("SELECT COUNT(*) FROM staff_user WHERE user_name = ? AND enabled = TRUE", member),
                    "no reason, the member stays enabled");

            String disableReason = "left the company " + TestData.unique();
            adminBrowser.type("staff:reason", disableReason);
            adminBrowser.click(rowButton(adminBrowser, member, "disable"));
            assertTrue(adminBrowser.confirmationText().contains(member), adminBrowser.confirmationText());
            adminBrowser.screenshot("admin-staff-confirm-disable-en");
            adminBrowser.answerConfirmation("confirm:yes");
            adminBrowser.waitForText("The user was disabled.");
            assertEquals(1, staffAudited("STAFF_USER_DISABLED", member, "reason: " + disableReason));
        }

        browser.go("/admin/coupons.xhtml");
        browser.find("login:userName");
        assertTrue(browser.url().contains("/admin/login.xhtml"), browser.url());
        StaffLogin.logIn(browser, member, newPassword);
        browser.find("login:password");
        assertTrue(browser.driver().findElements(By.id("nav:logout")).isEmpty());
        for (String action : List.of("STAFF_PASSWORD_RESET", "STAFF_ROLE_CHANGED", "STAFF_USER_DISABLED")) {
            assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = ? AND actor = ? AND subject = ?",
                    action, admin, "staff " + member), action);
        }
    }

    @Test
    void anAdminEnablesADisabledMemberAndTakesAwayTheSecondFactorOfALostPhone() {
        String password = "viewer-password-" + TestData.unique();
        String member = StaffLogin.createUser("VIEWER", password);
        String sealed = SecretsKey.read(Path.of(System.getProperty("it.secrets.key.file")))
                .seal(Totp.newSecret(), "staff_user.totp_secret " + member);
        Database.execute("UPDATE staff_user SET totp_secret = ?, totp_enabled = TRUE, enabled = FALSE WHERE user_name = ?",
                sealed, member);
        String adminPassword = "admin-password-" + TestData.unique();
        String admin = StaffLogin.createUser("ADMIN", adminPassword);
        browser.go("/admin/login.xhtml");
        StaffLogin.inEnglish(browser);
        StaffLogin.logIn(browser, admin, adminPassword);
        browser.click("nav:staffUsers");
        browser.find("staff:users");

        browser.clickConfirmed(rowButton(browser, member, "enable"));
        browser.waitForText("Give a reason: it is recorded in the audit log.");
        assertEquals(0, Database.count("SELECT COUNT(*) FROM staff_user WHERE user_name = ? AND enabled = TRUE", member),
                "no reason, the member stays disabled");
        String enableReason = "back from leave " + TestData.unique();
        browser.type("staff:reason", enableReason);
        browser.click(rowButton(browser, member, "enable"));
        assertTrue(browser.confirmationText().contains(member), browser.confirmationText());
        browser.answerConfirmation("confirm:yes");
        browser.waitForText("The user was enabled.");
        assertEquals(1, staffAudited("STAFF_USER_ENABLED", member, "reason: " + enableReason));

        String totpReason = "phone lost, no recovery codes " + TestData.unique();
        browser.type("staff:reason", totpReason);
        browser.click(rowButton(browser, member, "resetTotp"));
        assertTrue(browser.confirmationText().contains(member), browser.confirmationText());
        browser.screenshot("admin-staff-confirm-totp-reset-en");
        browser.answerConfirmation("confirm:yes");
        browser.waitForText("The second factor was reset.");
        assertEquals(1, staffAudited("STAFF_TOTP_RESET", member, "reason: " + totpReason));

        browser.click("nav:logout");
        StaffLogin.logIn(browser, member, password);
        browser.find("nav:logout");
        assertTrue(browser.driver().findElements(By.id("code:code")).isEmpty(), "the login asks no code any more");
    }

    @Test
    void wrongCodesCountAgainstTheLoginThrottleLikeWrongPasswords() {
        String password = "viewer-password-" + TestData.unique();
        String member = StaffLogin.createUser("VIEWER", password);
        byte[] secret = Totp.newSecret();
        String sealed = SecretsKey.read(Path.of(System.getProperty("it.secrets.key.file")))
                .seal(secret, "staff_user.totp_secret " + member);
        Database.execute("UPDATE staff_user SET totp_secret = ?, totp_enabled = TRUE WHERE user_name = ?", sealed, member);

        browser.go("/admin/login.xhtml");
        StaffLogin.inEnglish(browser);
        StaffLogin.logIn(browser, member, password);
        for (int attempt = 0; attempt < 5; attempt++) {
            submitCode(wrongCode(secret));
            browser.waitForText("Wrong or already used code.");
        }
        submitCode(Totp.code(secret, Totp.step(Instant.now())));
        browser.waitForText("Too many wrong codes.");
        assertTrue(!browser.pageText().contains("passwords"), "the code step speaks of codes, not passwords");
        assertTrue(browser.driver().findElements(By.id("nav:logout")).isEmpty(), "the right code waits too");
    }

    @Test
    void aDisabledMemberCannotLogIn() {
        String password = "viewer-password-" + TestData.unique();
        String member = StaffLogin.createUser("VIEWER", password);
        Database.execute("UPDATE staff_user SET enabled = FALSE WHERE user_name = ?", member);
        browser.go("/admin/login.xhtml");
        StaffLogin.inEnglish(browser);
        StaffLogin.logIn(browser, member, password);
        browser.waitForText("Wrong user name or password.");
        assertTrue(browser.driver().findElements(By.id("nav:logout")).isEmpty());
    }

    /** Switches the pages back to Russian: the language chosen outlives a logout. */
    private void inRussian() {
        var link = browser.find("lang:ru");
        link.click();
        browser.waitUntilGone(link);
    }

    private void submitCode(String code) {
        browser.type("code:code", code);
        var submit = browser.find("code:submit");
        submit.click();
        browser.waitUntilGone(submit);
    }

    /** A six-digit code that is none of the codes the login would accept now. */
    private static String wrongCode(byte[] secret) {
        long step = Totp.step(Instant.now());
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!code.equals(Totp.code(secret, step - 1)) && !code.equals(Totp.code(secret, step))
                    && !code.equals(Totp.code(secret, step + 1)) && !code.equals(Totp.code(secret, step + 2))) {
                return code;
            }
        }
    }

    /** The id of a button in the staff table's row of the user. */
    private static long staffAudited(String action, String member, String details) {
        return Database.count("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ? AND details LIKE ?",
                action, "staff " + member, details);
    }

    private static String rowButton(Browser browser, String user, String button) {
        return browser.driver().findElement(By.xpath("//tr[td[normalize-space(.)='" + user + "']]//button[contains(@id, ':"
                + button + "')]")).getAttribute("id");
    }
}
