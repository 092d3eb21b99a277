package org.pbxlicensing.it.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pbxlicensing.it.licensev2.EntitlementEndpoint;
import org.pbxlicensing.it.licensev2.MikoPbx;
import org.pbxlicensing.it.licensev2.ServerToken;
import org.pbxlicensing.it.mail.Mails;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.MailServer;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SessionClient;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * Support's tools on a registration's page (mails again, session and holder drops, offline request
 * files), the search of bindings by host, and the admin area's two languages.
 */
@SystemTest
class AdminRegistrationToolsIT extends BrowserTest {

    private static final Duration MAIL_PATIENCE = Duration.ofSeconds(60);

    @Test
    void supportSendsTheMailsAgainAndDropsALiveSession() {
        var form = TestData.registrationForm();
        String email = (String) form.get("email");
        String number = api().body(form).post("/registrations").then().statusCode(201)
                .extract().path("registrationNumber");
        MailServer.awaitMailsTo(email, 1, MAIL_PATIENCE);
        Database.grantPerpetualLicense(number, SessionClient.PANEL, 2);
        String session = SessionClient.captured(number);

        logInAsSupport();
        browser.go("/admin/registration.xhtml?number=" + number);
        browser.click("reg:resendWelcome");
        browser.waitForText("The mail is queued.");
        assertTrue(MailServer.awaitMailsTo(email, 2, MAIL_PATIENCE).stream()
                .allMatch(mail -> text(mail).contains(number)), "both welcome mails carry the number");
        browser.click("reg:resendNumbers");
        assertTrue(text(MailServer.awaitMailsTo(email, 3, MAIL_PATIENCE).get(2)).contains(number));
        assertEquals(2, Database.count("""
                SELECT COUNT(*) FROM audit_event a JOIN registration r ON r.id = a.registration_id
                WHERE r.number = ? AND a.action = 'MAIL_RESENT' AND a.actor_type = 'ADMIN'""", number));

        browser.type("reg:reason", "user left the company");
        browser.clickConfirmed("reg:sessions:0:drop");
        browser.waitForText("The session was dropped.");
        browser.screenshot("admin-session-dropped");
        SessionClient.heartbeat(session).then().statusCode(404).body("code", equalTo("SESSION_NOT_FOUND"));
        assertTrue(SessionClient.endedAs(session, "DROPPED"));
    }

    @Test
    void supportSeesReportedHoldersDropsOneAndAnswersAnOfflineRequestFile() throws Exception {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, SessionClient.PANEL, 2);
        String ref = MikoPbx.randomHex(8);
        var pbx = new MikoPbx(number);
        EntitlementEndpoint.token(pbx, pbx.poll(request -> request
                .add("usage", Json.createObjectBuilder().add("46",
                        Json.createObjectBuilder().add("used", 1).add("peak", 1).add("denied", 0)))
                .add("holders", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("ref", ref).add("features", Json.createArrayBuilder().add(46))
                        .add("since", 1_790_000_000L).add("username", "operator-olga")))));

        logInAsSupport();
        browser.go("/admin/registration.xhtml?number=" + number);
        browser.waitForText("operator-olga");
        browser.type("holders:reason", "operator left the company");
        browser.clickConfirmed("holders:reported:0:drop");
        browser.waitForText("The holder is dropped with the installation's next answer.");
        browser.screenshot("admin-holder-dropped");
        ServerToken next = EntitlementEndpoint.token(pbx, pbx.poll());
        assertEquals(List.of(ref), next.drop());

        var offline = new MikoPbx(number, List.of("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc"));
        var request = offline.offlineRequest();
        browser.find("offline:file").sendKeys(requestFile(request.body()).toString());
        browser.click("offline:submit");
        browser.find("offline:answer");
        browser.screenshot("admin-offline-answer");
        browser.click("offline:download");
        ServerToken token = EntitlementEndpoint.importAnswerFile(offline, request,
                browser.downloaded("license-answer.txt"));
        assertEquals(3, token.fingerprint().getInt("k"));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM audit_event a JOIN registration r ON r.id = a.registration_id
                WHERE r.number = ? AND a.action = 'HOLDER_DROPPED' AND a.actor_type = 'ADMIN'""", number));
    }

    @Test
    void bindingsAreFoundByHostNameHostIdAndAddressAcrossRegistrations() {
        String prefix = "branch-" + TestData.unique();
        String first = Pbx.register();
        String second = Pbx.register();
        String firstHost = Pbx.newHostId();
        Pbx.activate(first, 33, firstHost, prefix + "-moscow").then().statusCode(200);
        Pbx.activate(second, 33, Pbx.newHostId(), prefix + "-kazan").then().statusCode(200);

        browser.go("/admin/login.xhtml");
        StaffLogin.inEnglish(browser);
        StaffLogin.logIn(browser, StaffLogin.createUser("VIEWER", "viewer-password-4"), "viewer-password-4");
        browser.click("nav:bindings");
        browser.type("search:text", prefix);
        browser.click("search:submit");
        browser.waitForText(prefix + "-kazan");
        browser.waitForText(prefix + "-moscow");
        assertTrue(browser.pageText().contains(first) && browser.pageText().contains(second));
        browser.screenshot("admin-binding-search");

        browser.type("search:text", firstHost);
        browser.click("search:submit");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> !d.findElement(By.tagName("body")).getText().contains(second));
        browser.click("search:results:0:open");
        assertEquals(first, browser.text("reg:number"));

        var random = new java.util.Random();
        String network = "10.%d.%d.".formatted(random.nextInt(256), random.nextInt(256));
        Database.execute("UPDATE host_binding SET ip = ? WHERE host_id = ?", network + "17", firstHost);
        browser.go("/admin/bindings.xhtml");
        browser.type("search:text", network);
        browser.click("search:submit");
        browser.waitForText(network + "17");
        assertTrue(browser.pageText().contains(first));
    }

    @Test
    void aViewerCannotSendMailsDropOrAnswerEvenByCraftingTheRequest() {
        var form = TestData.registrationForm();
        String email = (String) form.get("email");
        String number = api().body(form).post("/registrations").then().statusCode(201)
                .extract().path("registrationNumber");
        Database.grantPerpetualLicense(number, SessionClient.PANEL, 2);
        String session = SessionClient.captured(number);
        var pbx = new MikoPbx(number);
        EntitlementEndpoint.token(pbx, pbx.poll(request -> request
                .add("holders", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("ref", "3333333333333333").add("features", Json.createArrayBuilder().add(46))
                        .add("username", "operator-ivan")))));
        String viewer = StaffLogin.createUser("VIEWER", "viewer-password-5");

        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, viewer, "viewer-password-5");
        browser.go("/admin/registration.xhtml?number=" + number);
        browser.waitForText("operator-ivan");
        for (String id : List.of("reg:resendWelcome", "reg:resendNumbers", "reg:sessions:0:drop",
                "holders:reported:0:drop", "offline:submit")) {
            assertTrue(browser.driver().findElements(By.id(id)).isEmpty(), id + " is offered to a viewer");
        }
        browser.screenshot("admin-viewer-registration-tools");

        craftPost("reg", "reg:resendWelcome");
        craftPost("reg", "reg:sessions:0:drop");
        craftPost("holders", "holders:reported:0:drop");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", email));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM licensev2_holder_drop WHERE install_id = ?",
                pbx.installId()));
        SessionClient.heartbeat(session).then().statusCode(200);
    }

    @Test
    void theAdminAreaSpeaksRussianFirstAndEnglishOnRequest() {
        browser.go("/admin/login.xhtml");
        browser.find("login:userName");
        assertEquals("Вход для персонала", browser.driver().findElement(By.tagName("h1")).getText());
        StaffLogin.logIn(browser, StaffLogin.ADMIN, StaffLogin.ADMIN_PASSWORD);
        assertEquals("Поиск хостов", browser.text("nav:bindings"));
        browser.click("nav:features");
        browser.waitForText("Каталог функций");
        browser.waitForText("по хостам");
        browser.screenshot("admin-features-ru");
        StaffLogin.inEnglish(browser);
        browser.waitForText("Feature catalogue");
        assertEquals("Host search", browser.text("nav:bindings"));
        browser.click("lang:ru");
        browser.waitForText("Каталог функций");
    }

    private void logInAsSupport() {
        browser.go("/admin/login.xhtml");
        StaffLogin.inEnglish(browser);
        StaffLogin.logIn(browser, StaffLogin.createUser("SUPPORT", "support-password-9"), "support-password-9");
        browser.find("nav:registrations");
    }

    /** Posts the form as if the button had been pressed, with this page's valid view state. */
    private void craftPost(String formId, String button) {
        var page = browser.find(formId);
        ((JavascriptExecutor) browser.driver()).executeScript("""
                var form = document.getElementById(arguments[0]);
                var i = document.createElement('input'); i.type = 'hidden';
                i.name = arguments[1]; i.value = arguments[1]; form.appendChild(i);
                var reason = document.getElementById('reg:reason'); if (reason) { reason.value = 'crafted'; }
                form.submit();""", formId, button);
        browser.waitUntilGone(page);
        browser.find("reg:number");
    }

    private static String text(MimeMessage mail) {
        return Mails.text(mail);
    }

    private static Path requestFile(byte[] body) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("it.browser.home", "target/browser")));
        Path file = Files.createTempFile(dir, "license-request", ".json");
        Files.write(file, body);
        return file.toAbsolutePath();
    }
}
