package org.pbxlicensing.it.licensev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;

/** A MikoPBX installation shows in the customer's session monitor like any host, and a reset there refuses it. */
@SystemTest
class InstallationInPortalIT extends BrowserTest {


    @Test
    void reportedHoldersAreShownAndAResetInThePortalRefusesTheNextPoll() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, 46, 2);
        var pbx = new MikoPbx(number);
        EntitlementEndpoint.token(pbx, pbx.poll(request -> request
                .add("usage", Json.createObjectBuilder().add("46",
                        Json.createObjectBuilder().add("used", 1).add("peak", 1).add("denied", 0)))
                .add("holders", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("ref", "2222222222222222").add("features", Json.createArrayBuilder().add(46))
                        .add("since", 1_790_000_000L).add("username", "operator-olga")))));

        logInToPortal(number);
        browser.click("nav:monitor");
        browser.waitForText(pbx.hostId());

        browser.driver().findElement(By.linkText("Активные сессии")).click();
        browser.waitForText("operator-olga");
        browser.screenshot("monitor-installation-holders");

        browser.driver().findElement(By.linkText("Привязки к хостам")).click();
        assertEquals("3", browser.driver().findElement(By.cssSelector("[id='monitor:tabs:bindings_data'] .resets-left"))
                .getText(), "the installation's license has its whole reset quota");
        browser.click("monitor:tabs:bindings:0:reset");
        browser.find("resetWarning");
        browser.click("monitor:confirmReset");
        browser.waitForText("Привязка сброшена");

        ServerToken refusal = EntitlementEndpoint.refusal(pbx, pbx.poll());
        assertTrue(refusal.isRefusal());
        assertEquals("BINDING_RESET", refusal.code());
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license_reset x JOIN license l ON l.id = x.license_id
                JOIN registration r ON r.id = l.registration_id WHERE r.number = ?""", number),
                "the portal's reset of an installation counts against the quota");
    }
}
