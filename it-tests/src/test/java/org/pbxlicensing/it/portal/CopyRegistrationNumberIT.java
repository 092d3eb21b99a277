package org.pbxlicensing.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chromium.HasCdp;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;

/**
 * The button beside the registration number copies it to the clipboard and says so, in the visitor's
 * language; it is an ordinary button, reached with Tab and pressed with Enter or Space.
 */
@SystemTest
class CopyRegistrationNumberIT extends BrowserTest {

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void theCopyButtonPutsTheNumberOnTheClipboardAndSaysSoByKeyboard(String language) {
        String number = Pbx.register();
        logInToPortal(number);
        var link = browser.find("nav:" + language);
        link.click();
        browser.waitUntilGone(link);
        URI site = URI.create(ServerUnderTest.BASE_URL);
        ((HasCdp) browser.driver()).executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", site.getScheme() + "://" + site.getAuthority(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));

        var button = browser.find("copyNumber");
        assertEquals("button", button.getTagName());
        assertEquals("ru".equals(language) ? "Копировать" : "Copy", button.getText());
        browser.find("number").click();
        button.sendKeys(Keys.ENTER);
        browser.waitForTextOf("copyStatus", "ru".equals(language) ? "Номер скопирован в буфер обмена"
                : "The number was copied to the clipboard");
        assertEquals("copyNumber", script("return document.activeElement.id"), "the focus stays on the button");
        browser.screenshot("overview-number-copied-" + language);
        assertEquals(number, clipboard());

        script("navigator.clipboard.writeText('something else')");
        button.sendKeys(Keys.SPACE);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(driver -> number.equals(clipboard()));
        assertTrue(browser.text("copyStatus").length() > 0);
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    private String clipboard() {
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('error: ' + e));");
    }
}
