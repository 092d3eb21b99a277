package org.pbxlicensing.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * A system test that drives the pages in a fresh browser per test. After each test, the browser's
 * console must hold no Content-Security-Policy violation: what the test did worked without anything
 * the pages' policy refused.
 */
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
            try {
                assertEquals(List.of(), policyViolations(), "the pages' Content-Security-Policy refused something");
            } finally {
                browser.close();
            }
        }
    }

    /** The console's messages about something the Content-Security-Policy refused, since the last look. */
    protected List<String> policyViolations() {
        return browser.consoleMessages().stream()
                .filter(message -> message.contains("Refused to") || message.contains("Content Security Policy"))
                .filter(message -> !refusalExpected(message))
                .toList();
    }

    /** Whether the test provokes this refusal on purpose, so that it is no violation. */
    protected boolean refusalExpected(String message) {
        return false;
    }

    /** Logs a customer in to the portal with a registration number or an activated coupon. */
    protected void logInToPortal(String credential) {
        browser.go("/login.xhtml");
        browser.type("login:credential", credential);
        browser.click("login:submit");
        browser.find("number");
    }
}
