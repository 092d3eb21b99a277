package org.pbxlicensing.it.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/** A system test that drives the pages in a fresh browser per test. */
public abstract class BrowserTest {

    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        Assumptions.assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Logs a customer in to the portal with a registration number or an activated coupon. */
    protected void logInToPortal(String credential) {
        browser.go("/login.xhtml");
        browser.type("login:credential", credential);
        browser.click("login:submit");
        browser.find("number");
    }
}
