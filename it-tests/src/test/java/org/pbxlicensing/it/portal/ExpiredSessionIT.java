package org.pbxlicensing.it.portal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;

/**
 * A customer whose session expired while a page of the portal was open, and who then sends a form of it,
 * lands on the login page, which says that the page had expired, in the language they chose. The server
 * forgets the session; the browser forgets its cookie here, which the server cannot tell apart.
 */
@SystemTest
class ExpiredSessionIT extends BrowserTest {

    private static final String EXPIRED_EN =
            "The page had expired (after a long pause, for example), so the form was not accepted.";
    private static final String EXPIRED_RU =
            "Страница устарела (например, после долгого перерыва), поэтому форма не принята.";

    @Test
    void aFormSentAfterTheSessionExpiredLandsOnTheLoginPageInTheCustomersLanguage() {
        browser.go("/login.xhtml");
        browser.click("nav:en");
        browser.waitForText("Registration number or coupon");
        logInToPortal(Pbx.register());
        browser.type("coupon:code", "MIKOUPD-00000-00000-00000-00000");

        sessionExpires();
        browser.click("coupon:activate");

        browser.waitForText(EXPIRED_EN);
        assertTrue(browser.url().contains("/login.xhtml"), browser.url());
        assertTrue(browser.pageText().contains("Registration number or coupon"), "the login page is in English");
        browser.screenshot("expired-session-login");
    }

    @Test
    void anAjaxButtonPressedAfterTheSessionExpiredTakesTheCustomerToTheLoginPage() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);
        logInToPortal(number);
        browser.click("nav:monitor");
        browser.waitForText(host);

        sessionExpires();
        browser.click("monitor:tabs:bindings:0:info");

        browser.waitForText(EXPIRED_RU);
        assertTrue(browser.url().contains("/login.xhtml"), browser.url());
        browser.screenshot("expired-session-ajax");
    }

    private void sessionExpires() {
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
    }
}
