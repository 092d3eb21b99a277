package org.pbxlicensing.it.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * Destructive admin actions ask first and want a reason, which the audit log keeps; coupon batches go
 * by the note typed when minting them.
 */
@SystemTest
class AdminConfirmIT extends BrowserTest {

    @Test
    void aResetAsksFirstIsRefusedWithoutAReasonAndAuditsTheReasonGiven() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, 33, host, "confirm-pbx").then().statusCode(200);
        logInAsNewAdmin();
        StaffLogin.inEnglish(browser);
        browser.go("/admin/registration.xhtml?number=" + number);
        browser.waitForText(host);

        browser.click("reg:bindings:0:reset");
        assertTrue(browser.confirmationText().contains(host), browser.confirmationText());
        browser.screenshot("admin-confirm-reset-en");
        browser.answerConfirmation("confirm:yes");
        browser.waitForText("Give a reason: it is recorded in the audit log.");
        browser.screenshot("admin-reset-without-reason-en");
        Pbx.check(number, host).then().statusCode(200).body("status", not(equalTo("BINDING_RESET")));

        String reason = "customer replaced the server " + TestData.unique();
        browser.type("reg:reason", reason);
        browser.click("reg:bindings:0:reset");
        browser.answerConfirmation("confirm:no");
        Pbx.check(number, host).then().statusCode(200).body("status", not(equalTo("BINDING_RESET")));

        browser.clickConfirmed("reg:bindings:0:reset");
        browser.waitForText("The binding was reset.");
        Pbx.check(number, host).then().statusCode(200).body("status", equalTo("BINDING_RESET"));
        assertEquals(1, auditedWith("BINDING_RESET", reason));

        browser.type("reg:reason", "");
        browser.clickConfirmed("reg:licenses:0:revoke");
        browser.waitForText("Give a reason: it is recorded in the audit log.");
        assertEquals(0, Database.count("SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id"
                + " WHERE r.number = ? AND l.revoked_at IS NOT NULL", number), "a revoke without a reason changes nothing");

        String why = "licence sold by mistake " + TestData.unique();
        browser.type("reg:reason", why);
        browser.click("reg:licenses:0:revoke");
        assertTrue(browser.confirmationText().startsWith("Revoke the license?"), browser.confirmationText());
        browser.answerConfirmation("confirm:yes");
        browser.waitForText("The license was revoked.");
        assertEquals(1, auditedWith("LICENSE_REVOKED", why));
        browser.waitForText("reason: " + why);
        browser.screenshot("admin-registration-audit-en");
    }

    /**
     * The registration's page already knows which registration it shows: its reset goes by the
     * registration's id, and the staff member's address is not asked about its guesses of numbers.
     */
    @Test
    void staffAtAnAddressThatGuessedNumbersTooOftenStillResetsABinding() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, 33, host, "guessed-pbx").then().statusCode(200);
        String office = ServerUnderTest.randomClientAddress();
        Database.execute("""
                INSERT INTO attempt_counter (bucket, subject, minute, attempts)
                VALUES ('failed-lookup', ?, DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:00'), 20)""", office);
        browser.fromAddress(office);
        logInAsNewAdmin();
        StaffLogin.inEnglish(browser);
        browser.go("/admin/registration.xhtml?number=" + number);
        browser.waitForText(host);

        String reason = "moved to new hardware " + TestData.unique();
        browser.type("reg:reason", reason);
        browser.clickConfirmed("reg:bindings:0:reset");
        browser.waitForText("The binding was reset.");

        Pbx.check(number, host).then().statusCode(200).body("status", equalTo("BINDING_RESET"));
        assertEquals(1, auditedWith("BINDING_RESET", reason));
    }

    @Test
    void aBatchGoesByItsNoteAndACouponRevokeWithoutAReasonIsRefused() {
        logInAsNewAdmin();
        String note = "Партнёр «Ромашка», декабрь " + TestData.unique();
        browser.click("nav:mint");
        browser.find("mint:count_input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
        browser.type("mint:note", note);
        browser.click("mint:submit");
        assertEquals("«" + note + "»", browser.text("mint:batchLabel"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("done")).isEmpty());
        String batch = browser.text("mint:batchId");
        browser.screenshot("admin-mint-note-ru");

        browser.click("nav:coupons");
        browser.chooseStartingWith("coupons:batch", note);
        browser.click("coupons:filter");
        // The filter's update replaces the table: wait for its three rows, each naming the batch by its note.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("[id='coupons:list_data'] tr")).size() == 3
                        && d.findElements(By.cssSelector("[id='coupons:list_data'] tr")).stream()
                                .allMatch(row -> row.getText().contains(note)));
        assertTrue(!browser.pageText().contains("staff-"), "no generated batch reference is shown");
        assertTrue(browser.pageText().contains("Выпущен") && !browser.pageText().contains("ISSUED"),
                "the coupons' state is in the staff's language");
        browser.screenshot("admin-coupons-batch-note-ru");

        browser.clickConfirmed("coupons:list:0:revoke");
        browser.waitForText("Укажите причину: она записывается в журнал аудита.");
        assertEquals(3, Database.count("SELECT COUNT(*) FROM coupon WHERE batch_id = ? AND state = 'ISSUED'", batch));

        String reason = "партнёр вернул купон " + TestData.unique();
        browser.type("coupons:reason", reason);
        browser.click("coupons:list:0:revoke");
        browser.confirmationText();
        browser.screenshot("admin-confirm-coupon-revoke-ru");
        browser.answerConfirmation("confirm:yes");
        browser.waitForText("Купон отозван.");
        browser.waitForText("Отозван");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM coupon WHERE batch_id = ? AND state = 'REVOKED'", batch));
        assertEquals(1, auditedWith("COUPON_REVOKED", reason));
    }

    private void logInAsNewAdmin() {
        String password = "admin-password-" + TestData.unique();
        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, StaffLogin.createUser("ADMIN", password), password);
        browser.find("nav:logout");
    }

    private static long auditedWith(String action, String reason) {
        return Database.count("SELECT COUNT(*) FROM audit_event WHERE action = ? AND actor_type = 'ADMIN' AND details LIKE ?",
                action, "%reason: " + reason + "%");
    }
}
