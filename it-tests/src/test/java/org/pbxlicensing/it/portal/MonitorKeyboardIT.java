package org.pbxlicensing.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;

/**
 * The session monitor used with the keyboard alone: Tab reaches a host's buttons, Enter opens their dialog,
 * Esc closes it and the focus is back on the button that opened it; the first Tab of a page offers the
 * link that skips the bar.
 */
@SystemTest
class MonitorKeyboardIT extends BrowserTest {

    private static final int MOST_TABS = 60;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void eachDialogOpensWithEnterClosesWithEscAndGivesTheFocusBackToItsButton() {
        logInToPortal(aCustomerWithAHost());
        for (String dialog : List.of("info", "reset")) {
            String button = "monitor:tabs:bindings:0:" + dialog;
            String dialogId = "info".equals(dialog) ? "monitor:infoDialog" : "monitor:resetDialog";
            browser.go("/portal/monitor.xhtml");
            browser.find("monitor:tabs:bindings");
            tabTo(button);
            press(Keys.ENTER);
            waitUntilShown(dialogId);
            browser.screenshot("keyboard-monitor-" + dialog + "-open");
            press(Keys.ESCAPE);
            waitUntilHidden(dialogId);
            waitUntilFocused(button);
        }
    }

    @Test
    void theResetDialogsCancelButtonGivesTheFocusBackToTheResetButton() {
        logInToPortal(aCustomerWithAHost());
        browser.go("/portal/monitor.xhtml");
        browser.find("monitor:tabs:bindings");
        tabTo("monitor:tabs:bindings:0:reset");
        press(Keys.ENTER);
        waitUntilShown("monitor:resetDialog");
        tabTo("monitor:cancelReset");
        press(Keys.ENTER);
        waitUntilHidden("monitor:resetDialog");
        waitUntilFocused("monitor:tabs:bindings:0:reset");
    }

    @Test
    void theFirstTabOffersTheLinkToTheContent() {
        logInToPortal(aCustomerWithAHost());
        browser.go("/portal/monitor.xhtml");
        browser.find("monitor:tabs:bindings");
        press(Keys.TAB);
        var link = browser.driver().switchTo().activeElement();
        assertTrue(link.getAttribute("class").contains("skip-link"), "first Tab stop: " + link.getAttribute("outerHTML"));
        assertTrue(link.isDisplayed(), "the skip link shows while it has the focus");
        browser.screenshot("keyboard-skip-link");
        press(Keys.ENTER);
        waitUntilFocused("main");
        press(Keys.TAB);
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.getElementById('main').contains(document.activeElement)"),
                "after the skip link, Tab goes on inside the page's content, past the bar");
    }

    private static String aCustomerWithAHost() {
        String number = Pbx.register();
        Pbx.activate(number, 33, Pbx.newHostId(), "keyboard-pbx").then().statusCode(200);
        return number;
    }

    private void tabTo(String id) {
        for (int tabs = 0; tabs < MOST_TABS; tabs++) {
            if (id.equals(focusedId())) {
                return;
            }
            press(Keys.TAB);
        }
        throw new AssertionError(MOST_TABS + " Tabs never reached " + id + "; the focus is on " + focusedId());
    }

    private void press(CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    private String focusedId() {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.activeElement.id");
    }

    private void waitUntilShown(String id) {
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void waitUntilHidden(String id) {
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id(id)));
    }

    private void waitUntilFocused(String id) {
        try {
            browser.until(PATIENCE, driver -> id.equals(focusedId()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the focus is on '" + focusedId() + "', not on " + id, e);
        }
    }
}
