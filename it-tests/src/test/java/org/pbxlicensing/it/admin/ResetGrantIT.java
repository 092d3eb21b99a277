package org.pbxlicensing.it.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;

/** Three resets, the fourth refused with its date; staff reset freely and grant the customer one more. */
@SystemTest
class ResetGrantIT extends BrowserTest {

    @Test
    void threeResetsTheFourthRefusedAStaffGrantAllowsOneMore() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        for (int reset = 1; reset <= 3; reset++) {
            Pbx.activate(number, host).then().statusCode(200);
            Pbx.reset(number, host).then().statusCode(204);
        }
        Pbx.activate(number, host).then().statusCode(200);
        Pbx.reset(number, host).then().statusCode(429)
                .body("code", equalTo("RESET_QUOTA_EXCEEDED"))
                .body("nextResetAt", notNullValue());

        String support = StaffLogin.createUser("SUPPORT", "support-password-1");
        browser.go("/admin/login.xhtml");
        StaffLogin.inEnglish(browser);
        StaffLogin.logIn(browser, support, "support-password-1");
        browser.go("/admin/registration.xhtml?number=" + number);
        browser.waitForText(host);
        assertEquals("0", browser.text("reg:licenses:0:resetsLeft"));

        browser.type("reg:reason", "customer replaced a broken server");
        browser.clickConfirmed("reg:bindings:0:reset");
        browser.waitForText("The binding was reset.");
        assertEquals("0", browser.text("reg:licenses:0:resetsLeft"), "a staff reset is not counted");

        browser.type("reg:reason", "hardware failure, ticket 4711");
        browser.click("reg:licenses:0:grantReset");
        browser.waitForText("One more reset was granted.");
        assertEquals("1", browser.text("reg:licenses:0:resetsLeft"));
        browser.screenshot("admin-reset-granted");
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM audit_event e JOIN registration r ON r.id = e.registration_id
                WHERE r.number = ? AND e.action = 'RESET_GRANTED' AND e.actor = ?
                AND e.details LIKE '%hardware failure, ticket 4711%'""", number, support));

        Pbx.activate(number, host).then().statusCode(200);
        Pbx.reset(number, host).then().statusCode(204);
        Pbx.activate(number, host).then().statusCode(200);
        Pbx.reset(number, host).then().statusCode(429).body("code", equalTo("RESET_QUOTA_EXCEEDED"));
    }

    @Test
    void aViewerIsNotOfferedAGrant() {
        String number = Pbx.register();
        Pbx.activate(number, Pbx.newHostId()).then().statusCode(200);
        String viewer = StaffLogin.createUser("VIEWER", "viewer-password-1");
        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, viewer, "viewer-password-1");
        browser.go("/admin/registration.xhtml?number=" + number);
        assertEquals("3", browser.text("reg:licenses:0:resetsLeft"));
        assertEquals(0, browser.driver().findElements(org.openqa.selenium.By.id("reg:licenses:0:grantReset")).size());
    }
}
