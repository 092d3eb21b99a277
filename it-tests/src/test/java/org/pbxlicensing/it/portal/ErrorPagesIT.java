package org.pbxlicensing.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.pbxlicensing.it.support.Accessibility;
import org.pbxlicensing.it.support.Accessibility.Screen;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.FacesClient;
import org.pbxlicensing.it.support.ServerLog;
import org.pbxlicensing.it.support.SystemTest;

/**
 * When the server fails while answering a page, the visitor gets a page in their language, in the portal's
 * look, that names the incident id support finds in the server's log; it meets WCAG 2.1 AA on a desktop
 * and fits a phone. The failing page is a door that exists only on servers under test.
 */
@SystemTest
class ErrorPagesIT extends BrowserTest {

    private static final String FAILING_PAGE = "/test/failing-page";
    private static final Pattern INCIDENT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"ru, DESKTOP", "en, DESKTOP", "ru, PHONE", "en, PHONE"})
    void aFailureOfTheServerAnswersAStyledPageInTheVisitorsLanguageWithTheIncident(String language, Screen screen) {
        boolean ru = "ru".equals(language);
        var accessibility = Accessibility.of(browser, "portal", language, screen);
        browser.go("/login.xhtml");
        browser.click("nav:" + language);
        browser.find("login:credential");
        var log = ServerLog.fromNow();

        browser.go(FAILING_PAGE);
        browser.find("main");
        String page = browser.pageText();
        assertTrue(page.contains(ru ? "Что-то пошло не так" : "Something went wrong"), page);
        assertTrue(page.contains(ru ? "номер инцидента" : "the incident number"), page);
        Matcher incident = INCIDENT.matcher(page);
        assertTrue(incident.find(), "an incident id on the page: " + page);
        assertEquals(language, browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("rgba(30, 58, 95, 1)", browser.driver().findElement(By.cssSelector("header.topbar"))
                .getCssValue("background-color"), "the error page has the pages' look");
        assertTrue(log.linesSettled().stream().anyMatch(line -> line.toString().contains(incident.group())),
                "the incident " + incident.group() + " is in the server's log");
        accessibility.check("server-error");
        accessibility.assertNoneFound();
    }

    @Test
    void theFailureAnswersStatus500AndHtml() {
        var answer = new FacesClient().get(FAILING_PAGE);
        assertEquals(500, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                answer.headers().toString());
    }
}
