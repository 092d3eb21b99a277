package org.pbxlicensing.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;
import org.pbxlicensing.it.support.WebhookReceiver;
import org.pbxlicensing.it.support.WebhookReceiver.Call;

/** Webhook endpoints in the admin area: an admin adds one, sees its secret once, tests it, re-sends; support may not. */
@SystemTest
class AdminWebhooksIT extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void anAdminAddsAnEndpointSeesItsSecretOnceSendsATestEventReSendsItAndDisablesTheEndpoint() {
        try (WebhookReceiver receiver = WebhookReceiver.start("whsec_" + Base64.getEncoder().encodeToString(new byte[24]))) {
            int row = (int) Database.count("SELECT COUNT(*) FROM webhook_endpoint");
            browser.go("/admin/login.xhtml");
            StaffLogin.logIn(browser, StaffLogin.ADMIN, StaffLogin.ADMIN_PASSWORD);
            browser.click("nav:webhooks");
            browser.type("webhooks:url", "ftp://crm.example.com/hooks");
            browser.click("webhooks:create");
            browser.waitForText("Адрес отклонён: подходят только адреса http и https");
            browser.screenshot("admin-webhook-refused-ru");

            StaffLogin.inEnglish(browser);
            browser.type("webhooks:url", "ftp://crm.example.com/hooks");
            browser.click("webhooks:create");
            browser.waitForText("The URL is refused: only http and https URLs");

            browser.type("webhooks:url", receiver.url());
            browser.click("webhooks:create");
            browser.waitForText("The endpoint was added.");
            String secret = browser.text("webhooks:secretValue");
            assertTrue(secret.startsWith("whsec_") && Base64.getDecoder().decode(secret.substring(6)).length == 32, secret);
            browser.screenshot("admin-webhook-added");
            receiver.useSecret(secret);
            assertEquals(0, Database.count("SELECT COUNT(*) FROM webhook_endpoint WHERE sealed_secret LIKE ?",
                    "%" + secret.substring(6, 20) + "%"), "the secret is kept sealed");
            assertEquals("all events", browser.text("webhooks:endpoints:" + row + ":events"));

            browser.click("webhooks:endpoints:" + row + ":test");
            browser.waitForText("A test event is on its way.");
            assertTrue(browser.driver().findElements(By.id("webhooks:secretValue")).isEmpty(), "the secret is shown once");
            Call test = Poll.until("the test event", PATIENCE, () -> testCalls(receiver).stream().findFirst().orElse(null));
            assertTrue(test.signatureVerifies(), "signed with the secret shown: " + test.body());
            assertEquals(200, test.answered());

            Poll.until("the test delivery recorded as delivered", PATIENCE, () -> Database.count(
                    "SELECT COUNT(*) FROM webhook_delivery WHERE webhook_id = ? AND status = 'DELIVERED'",
                    test.webhookId()) == 1 ? true : null);
            browser.go("/admin/webhooks.xhtml");
            browser.click("webhooks:endpoints:" + row + ":deliveries");
            browser.waitForTextOf("webhooks:deliveryTable:0:status", "delivered");
            browser.click("webhooks:deliveryTable:0:resend");
            browser.waitForText("The delivery is sent again, with the same id.");
            List<Call> both = Poll.until("the re-sent test event", PATIENCE,
                    () -> testCalls(receiver).size() >= 2 ? testCalls(receiver) : null);
            assertEquals(test.webhookId(), both.get(1).webhookId());
            assertTrue(both.get(1).signatureVerifies());
            browser.screenshot("admin-webhook-deliveries");

            browser.clickConfirmed("webhooks:endpoints:" + row + ":toggle");
            browser.waitForText("Give a reason: it is recorded in the audit log.");
            assertEquals(1, Database.count("SELECT COUNT(*) FROM webhook_endpoint WHERE url = ? AND enabled", receiver.url()),
                    "no reason, the endpoint stays enabled");
            String reason = "the receiver moves to a new host " + TestData.unique();
            browser.type("webhooks:reason", reason);
            browser.click("webhooks:endpoints:" + row + ":toggle");
            assertTrue(browser.confirmationText().contains(receiver.url()), browser.confirmationText());
            browser.answerConfirmation("confirm:yes");
            browser.waitForTextOf("webhooks:endpoints:" + row + ":enabled", "no");
            assertEquals(0, Database.count("SELECT COUNT(*) FROM webhook_endpoint WHERE url = ? AND enabled", receiver.url()));
            assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'WEBHOOK_ENDPOINT_DISABLED' AND details = ?",
                    receiver.url() + ", reason: " + reason));
            for (String action : List.of("WEBHOOK_ENDPOINT_ADDED", "WEBHOOK_TEST_SENT", "WEBHOOK_RESENT",
                    "WEBHOOK_ENDPOINT_DISABLED")) {
                assertTrue(Database.count("SELECT COUNT(*) FROM audit_event WHERE action = ? AND actor = ?", action,
                        StaffLogin.ADMIN) >= 1, action + " is audited");
            }
        }
    }

    @Test
    void supportStaffCannotOpenTheWebhooksPage() {
        String support = StaffLogin.createUser("SUPPORT", "support-password-3");
        browser.go("/admin/login.xhtml");
        StaffLogin.inEnglish(browser);
        StaffLogin.logIn(browser, support, "support-password-3");
        browser.find("chart");
        assertTrue(browser.driver().findElements(By.id("nav:webhooks")).isEmpty(), "no menu entry for support");
        assertEquals(403, StaffLogin.get(browser, "/admin/webhooks.xhtml").statusCode());
    }

    private static List<Call> testCalls(WebhookReceiver receiver) {
        return receiver.calls().stream().filter(call -> call.type().equals("webhook.test")).toList();
    }
}
