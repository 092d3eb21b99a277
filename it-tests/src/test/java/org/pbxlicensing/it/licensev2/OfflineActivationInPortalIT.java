package org.pbxlicensing.it.licensev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;

/** A MikoPBX on a closed network is activated by carrying files through the portal. */
@SystemTest
class OfflineActivationInPortalIT extends BrowserTest {

    private static final List<String> HARDWARE = List.of("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb",
            "cccccccccccccccc", "dddddddddddddddd");

    @Test
    void theRequestFileIsAnsweredWithAFingerprintBoundToken() throws Exception {
        String number = Pbx.register();
        var pbx = new MikoPbx(number, HARDWARE);
        var request = pbx.offlineRequest();

        logInToPortal(number);
        browser.click("nav:offline");
        browser.find("offline:file").sendKeys(requestFile(request.body()).toString());
        browser.click("offline:submit");
        String answer = browser.find("answer:text").getAttribute("value");
        browser.screenshot("offline-activation");

        String wire = Json.createReader(new StringReader(answer)).readObject().getString("token");
        ServerToken token = EntitlementEndpoint.accept(pbx, request, wire);
        assertEquals(3, token.fingerprint().getInt("k"));
        assertEquals(List.of("33"), List.copyOf(token.features().keySet()));
    }

    @Test
    void aRequestFileOfAnotherRegistrationIsRefused() throws Exception {
        String mine = Pbx.register();
        var theirs = new MikoPbx(Pbx.register(), HARDWARE);

        logInToPortal(mine);
        browser.click("nav:offline");
        browser.find("offline:file").sendKeys(requestFile(theirs.offlineRequest().body()).toString());
        browser.click("offline:submit");
        browser.waitForText("другой регистрационный номер");
        assertTrue(browser.driver().findElements(By.id("answer:text")).isEmpty());
    }

    private static Path requestFile(byte[] body) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("it.browser.home", "target/browser")));
        Path file = Files.createTempFile(dir, "license-request", ".json");
        Files.write(file, body);
        return file.toAbsolutePath();
    }
}
