package org.pbxlicensing.it.portal;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.FacesClient;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Race;
import org.pbxlicensing.it.support.SystemTest;

/**
 * A customer starts a trial of another product from the portal's overview: only products the registration
 * never tried are offered, a post for any other is refused in words, two posts at once start one trial, and
 * a host that tried the product under another registration does not get this trial either.
 */
@SystemTest
class TrialFromPortalIT extends BrowserTest {

    private static final String OVERVIEW = "/portal/overview.xhtml";

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void theOverviewOffersTheProductsNeverTriedAndShowsTheStartedTrialWithItsEnd(String language) {
        boolean ru = "ru".equals(language);
        String number = Pbx.register(33);
        logInToPortal(number);
        inLanguage(language);
        browser.find("trials");
        browser.screenshot("overview-trial-offer-" + language);
        assertTrue(offered().containsAll(List.of(31, 32, 34)), "products never tried: " + offered());
        assertFalse(offered().contains(33), "the product tried at registration is not offered: " + offered());
        assertFalse(offered().contains(46) || offered().contains(47), "per-session features are no products");

        offer(31).findElement(By.tagName("button")).click();
        browser.find("state");
        String end = endOf(number, 31);
        assertEquals(ru ? "Пробная" : "Trial", browser.text("kind"));
        assertEquals(end, browser.text("endsAt"));
        browser.waitForText(ru ? "Пробный период «Журнал звонков» начат и действует до " + end
                : "The trial of “Call log” has started and runs until " + end);
        assertTrue(browser.text("history").contains(ru ? "Начат пробный период" : "Trial started"));
        browser.screenshot("trial-started-" + language);

        browser.go(OVERVIEW);
        browser.find("trials");
        assertFalse(offered().contains(31), "a product just tried is no longer offered: " + offered());
        assertTrue(offered().containsAll(List.of(32, 34)), offered().toString());
        assertTrue(browser.text("licenses").contains(ru ? "31 · Журнал звонков" : "31 · Call log"), browser.text("licenses"));
    }

    @Test
    void aCraftedPostForAProductAlreadyTriedOrNoProductIsRefusedWithAMessage() {
        String number = Pbx.register(33);
        logInToPortal(number);
        browser.find("trials");

        postOfferAs("33");
        browser.waitForText("Пробный период этого продукта уже был использован этой регистрацией.");
        assertEquals(1, trials(number, 33));
        browser.screenshot("trial-refused-ru");

        postOfferAs("46");
        browser.waitForText("Такого продукта для пробного периода нет.");
        postOfferAs("x");
        browser.waitForText("Такого продукта для пробного периода нет.");
        assertEquals(0, trials(number, 46));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id WHERE r.number = ?""", number));
    }

    @Test
    void twoPostsAtOnceStartOneTrial() {
        String number = Pbx.register(33);
        List<FacesClient> customers = List.of(loggedIn(number), loggedIn(number), loggedIn(number));
        List<String> forms = customers.stream().map(customer -> offerForm(customer.get(OVERVIEW).body(), 32)).toList();

        List<HttpResponse<String>> answers = Race.run(customers.size(), i -> customers.get(i).post(OVERVIEW,
                fields(forms.get(i), 32)));

        assertEquals(1, trials(number, 32), "trials of 32");
        long started = answers.stream().filter(answer -> answer.statusCode() == 302
                && answer.headers().firstValue("Location").orElse("").contains("/portal/license.xhtml")).count();
        assertEquals(1, started, "one post starts the trial");
        assertTrue(answers.stream().filter(answer -> answer.statusCode() == 200)
                        .allMatch(answer -> answer.body().contains("уже был использован")),
                "the others are told that the trial is used");
    }

    @Test
    void aHostThatTriedTheProductUnderAnotherRegistrationDoesNotBindToThePortalsTrial() {
        String host = Pbx.newHostId();
        String first = Pbx.register(33);
        Pbx.activate(first, 32, host, "farm-pbx").then().statusCode(200);
        String second = Pbx.register(33);
        logInToPortal(second);
        offer(32).findElement(By.tagName("button")).click();
        browser.find("state");
        assertEquals(1, trials(second, 32));

        Pbx.activate(second, 32, host, "farm-pbx").then().statusCode(409).body("code", equalTo("TRIAL_ALREADY_USED"));
        Pbx.activate(second, 32, Pbx.newHostId(), "new-pbx").then().statusCode(200);
    }

    private void inLanguage(String language) {
        var link = browser.find("nav:" + language);
        link.click();
        browser.waitUntilGone(link);
        browser.find("number");
    }

    private List<Integer> offered() {
        return browser.driver().findElements(By.cssSelector(".trial-offer input[name='product']")).stream()
                .map(input -> Integer.parseInt(input.getAttribute("value")))
                .toList();
    }

    private WebElement offer(int feature) {
        return browser.driver().findElements(By.cssSelector(".trial-offer")).stream()
                .filter(form -> form.findElement(By.cssSelector("input[name='product']")).getAttribute("value")
                        .equals(String.valueOf(feature)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no offer of " + feature));
    }

    /** Posts the first offer's form with its product changed, as a visitor could with the browser's tools. */
    private void postOfferAs(String product) {
        var form = browser.driver().findElements(By.cssSelector(".trial-offer")).get(0);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].querySelector(\"input[name='product']\").value = arguments[1]", form, product);
        var button = form.findElement(By.tagName("button"));
        button.click();
        browser.waitUntilGone(button);
    }

    private static FacesClient loggedIn(String number) {
        var customer = new FacesClient();
        customer.get("/login.xhtml");
        var answer = customer.post("/login.xhtml", Map.of("login", "login", "login:credential", number, "login:submit", ""));
        assertEquals(302, answer.statusCode(), answer.body());
        return customer;
    }

    /** The id of the overview's form that offers the product. */
    private static String offerForm(String overview, int feature) {
        var matcher = java.util.regex.Pattern.compile(
                "<form id=\"([^\"]+)\"[^>]*class=\"trial-offer\"[^>]*>\\s*(?:<input[^>]*>\\s*)*?<input type=\"hidden\" name=\"product\" value=\""
                        + feature + "\"").matcher(overview);
        return Optional.of(matcher).filter(java.util.regex.Matcher::find).map(found -> found.group(1))
                .orElseThrow(() -> new AssertionError("no offer of " + feature + " in " + overview));
    }

    private static Map<String, String> fields(String form, int feature) {
        var fields = new LinkedHashMap<String, String>();
        fields.put(form, form);
        fields.put("product", String.valueOf(feature));
        fields.put(form + ":start", "");
        return fields;
    }

    private static long trials(String number, int feature) {
        return Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.feature_number = ? AND l.kind = 'TRIAL'""", number, feature);
    }

    private static String endOf(String number, int feature) {
        return Database.strings("""
                SELECT DATE_FORMAT(l.ends_at, '%d.%m.%Y') FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.feature_number = ?""", number, feature).get(0);
    }
}
