package org.pbxlicensing.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.FacesClient;
import org.pbxlicensing.it.support.MailServer;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * The portal's registration form registers once: the success page can be reloaded, and the same email
 * and company submitted again within a day, in turn or at the same instant, mint no second
 * registration; the number goes to the registration's email again and is never shown to the form.
 */
@SystemTest
class RepeatedRegistrationIT extends BrowserTest {

    private static final String FORM = "/register.xhtml";

    @Test
    void reloadingTheSuccessPageAndSubmittingAgainMakeOneRegistration() {
        String id = TestData.unique();
        String email = "twice-" + id + "@example.com";
        String company = "ООО Дважды " + id;
        fillIn(company, email);
        browser.click("registration:submit");
        String number = browser.text("number");
        assertTrue(browser.url().contains("/registered.xhtml"), browser.url());

        browser.driver().navigate().refresh();
        assertEquals(number, browser.text("number"));
        assertEquals(1, registrationsOf(email));

        fillIn("  " + company.toUpperCase() + " ", email.toUpperCase());
        browser.click("registration:submit");
        String repeated = browser.text("repeated");
        browser.screenshot("register-repeated-ru");
        assertTrue(repeated.contains("уже существует"), repeated);
        assertTrue(repeated.contains(email.toUpperCase()), "names the email it was mailed to: " + repeated);
        assertFalse(browser.pageText().contains(number), "the number is not shown to whoever typed the form");
        assertEquals(1, registrationsOf(email));

        var mails = MailServer.awaitMailsTo(email, 2, java.time.Duration.ofSeconds(60));
        assertTrue(mails.stream().allMatch(mail -> org.pbxlicensing.it.mail.Mails.text(mail).contains(number)),
                "the welcome mail with the number, once more");
    }

    @Test
    void aFormSubmittedTwiceAtOnceMakesOneRegistration() {
        String id = TestData.unique();
        String email = "double-" + id + "@example.com";
        browser.go("/register.xhtml");
        browser.click("nav:en");
        browser.find("registration:company");
        fillIn("Double click " + id, email);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var b = document.getElementById('registration:submit'); b.click(); b.click();");
        browser.find("done".equals(outcomeShown()) ? "done" : "repeated");
        browser.screenshot("register-double-submit-en");

        assertEquals(1, registrationsOf(email));
        browser.driver().navigate().refresh();
        assertEquals(1, registrationsOf(email));
    }

    @Test
    void identicalFormsPostedInParallelMakeOneRegistration() throws Exception {
        String id = TestData.unique();
        String email = "parallel-" + id + "@example.com";
        Map<String, String> fields = Map.of("registration", "registration",
                "registration:company", "ООО Параллель " + id, "registration:contactPerson", "Анна Смирнова",
                "registration:email", email, "registration:feature", "33", "registration:consent", "on",
                "registration:submit", "");
        int forms = 3;
        List<FacesClient> clients = new ArrayList<>();
        for (int i = 0; i < forms; i++) {
            var client = new FacesClient();
            assertEquals(200, client.get(FORM).statusCode());
            clients.add(client);
        }
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(forms);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (var client : clients) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.post(FORM, fields);
                }));
            }
            start.countDown();
            for (var answer : answers) {
                var response = answer.get(60, TimeUnit.SECONDS);
                assertEquals(302, response.statusCode(), response.body());
                assertTrue(response.headers().firstValue("Location").orElse("").contains("/registered.xhtml"));
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, registrationsOf(email));
        long shownNumbers = clients.stream()
                .filter(client -> client.get("/registered.xhtml").body().contains("id=\"number\""))
                .count();
        assertEquals(1, shownNumbers, "only the form that registered shows the number");
    }

    private String outcomeShown() {
        org.pbxlicensing.it.support.Poll.until("an outcome page", java.time.Duration.ofSeconds(20),
                () -> browser.url().contains("/registered.xhtml") ? Boolean.TRUE : null);
        return browser.driver().findElements(org.openqa.selenium.By.id("done")).isEmpty() ? "repeated" : "done";
    }

    private void fillIn(String company, String email) {
        if (!browser.url().contains(FORM)) {
            browser.go(FORM);
        }
        browser.type("registration:company", company);
        browser.type("registration:contactPerson", "Анна Смирнова");
        browser.type("registration:email", email);
        browser.click("registration:consent");
    }

    private static long registrationsOf(String email) {
        return Database.count("SELECT COUNT(*) FROM registration WHERE LOWER(email) = LOWER(?)", email);
    }
}
