package org.pbxlicensing.it.licensev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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

    /** The name the portal gives the answer file. */
    private static final String OFFLINE_ANSWER_FILE = "license-answer.txt";

    private static final List<String> HARDWARE = List.of("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb",
            "cccccccccccccccc", "dddddddddddddddd");

    @Test
    void theRequestFileIsAnsweredWithAFingerprintBoundTokenThePbxImports() throws Exception {
        String number = Pbx.register();
        var pbx = new MikoPbx(number, HARDWARE);
        var request = pbx.offlineRequest();

        logInToPortal(number);
        byte[] answerFile = answerThroughThePortal(request);
        browser.screenshot("offline-activation");

        ServerToken token = EntitlementEndpoint.importAnswerFile(pbx, request, answerFile);
        assertFalse(token.isRefusal());
        assertEquals(3, token.fingerprint().getInt("k"));
        assertEquals(List.of("33"), List.copyOf(token.features().keySet()));
        assertEquals(new String(answerFile, StandardCharsets.US_ASCII), browser.find("answer:text").getAttribute("value"),
                "the text to copy is the file's content");
    }

    @Test
    void aResetInstallationImportsTheSignedRefusalFromItsAnswerFile() throws Exception {
        String number = Pbx.register();
        var pbx = new MikoPbx(number, HARDWARE);
        logInToPortal(number);
        var first = pbx.offlineRequest();
        EntitlementEndpoint.importAnswerFile(pbx, first, answerThroughThePortal(first));
        Pbx.reset(number, pbx.hostId()).then().statusCode(204);

        var request = pbx.offlineRequest();
        browser.click("nav:offline");
        ServerToken refusal = EntitlementEndpoint.importAnswerFile(pbx, request, answerThroughThePortal(request));

        assertTrue(refusal.isRefusal());
        assertEquals("BINDING_RESET", refusal.code());
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

    /** Uploads the request file on the offline page and downloads the answer file, as the customer does. */
    private byte[] answerThroughThePortal(MikoPbx.SignedRequest request) throws Exception {
        browser.click("nav:offline");
        browser.find("offline:file").sendKeys(requestFile(request.body()).toString());
        browser.click("offline:submit");
        browser.find("answer:text");
        browser.click("answer:download");
        return browser.downloaded(OFFLINE_ANSWER_FILE);
    }

    private static Path requestFile(byte[] body) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("it.browser.home", "target/browser")));
        Path file = Files.createTempFile(dir, "license-request", ".json");
        Files.write(file, body);
        return file.toAbsolutePath();
    }
}
