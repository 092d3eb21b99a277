package org.pbxlicensing.it.portal;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;

/** The session monitor shows the resets a license has left; its resets count like the API's. */
@SystemTest
class ResetQuotaInPortalIT extends BrowserTest {

    @Test
    void theMonitorShowsResetsLeftAndTheDateOfTheNextWhenNoneAreLeft() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Instant firstReset = Instant.now();
        for (int reset = 1; reset <= 2; reset++) {
            Pbx.activate(number, host).then().statusCode(200);
            Pbx.reset(number, host).then().statusCode(204);
        }
        Pbx.activate(number, host).then().statusCode(200);

        logInToPortal(number);
        browser.click("nav:monitor");
        browser.waitForText(host);
        assertEquals("1", browser.driver().findElement(
                By.cssSelector("[id='monitor:tabs:bindings_data'] .resets-left")).getText());
        browser.click("monitor:tabs:bindings:0:reset");
        assertTrue(browser.text("resetQuota").contains(": 1"), browser.text("resetQuota"));
        browser.click("monitor:confirmReset");
        browser.waitForText("Привязка сброшена");

        Pbx.activate(number, host).then().statusCode(200);
        Pbx.reset(number, host).then().statusCode(429).body("code", equalTo("RESET_QUOTA_EXCEEDED"));
        var dates = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZoneOffset.UTC);
        String earliest = dates.format(firstReset.plus(Duration.ofDays(30)));
        String latest = dates.format(Instant.now().plus(Duration.ofDays(30)));

        browser.driver().navigate().refresh();
        browser.waitForText(host);
        assertEquals("0", browser.driver().findElement(
                By.cssSelector("[id='monitor:tabs:bindings_data'] .resets-left")).getText());
        browser.click("monitor:tabs:bindings:0:reset");
        browser.find("resetWarning");
        browser.click("monitor:confirmReset");
        browser.waitForText("Лимит сбросов этой лицензии исчерпан");
        browser.screenshot("monitor-reset-quota-exceeded");
        String page = browser.pageText();
        assertTrue(page.contains("Следующий сброс возможен")
                && (page.contains(earliest) || page.contains(latest)), page);
        assertTrue(page.contains(host), "the binding is still there");
        Pbx.check(number, host).then().body("status", equalTo("TRIAL"));
    }
}
