package org.pbxlicensing.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;

/**
 * The agreements page: the agreement of each licensed product stays readable after it was accepted, and
 * the history lists every acceptance with its version, its time and where it was given (the portal or
 * a PBX's host).
 */
@SystemTest
class AgreementsInPortalIT extends BrowserTest {

    private static final int FEATURE = 33;

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void anAcceptedAgreementStaysReadableAndEveryAcceptanceIsListed(String language) {
        String version = api().queryParam("feature", FEATURE).get("/eula").then().statusCode(200)
                .extract().path("version");
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);

        logInToPortal(number);
        browser.click("nav:agreements");
        browser.click("nav:" + language);
        browser.find("current:0:accept:acceptButton");
        assertFalse(agreementText().isBlank(), "the agreement is readable before it is accepted");
        assertEquals(List.of(), historyRows(), "nothing accepted yet");
        browser.screenshot("agreements-pending-" + language);

        browser.click("current:0:accept:acceptButton");
        browser.find("current:0:accepted");
        assertFalse(agreementText().isBlank(), "the agreement is still readable once accepted");

        api().body(Map.of("registrationNumber", number, "hostId", host, "version", version))
                .post("/eula-acceptances").then().statusCode(204);
        browser.go("/portal/agreements.xhtml");
        browser.find("current:0:accepted");
        List<String> rows = historyRows();
        browser.screenshot("agreements-history-" + language);

        assertEquals(2, rows.size(), "one acceptance in the portal, one on the host: " + rows);
        assertTrue(rows.stream().allMatch(row -> row.contains(version)), rows.toString());
        assertTrue(rows.stream().anyMatch(row -> row.contains(host)), rows.toString());
        String inPortal = "ru".equals(language) ? "В личном кабинете" : "In the customer portal";
        assertTrue(rows.stream().anyMatch(row -> row.contains(inPortal)), rows.toString());
    }

    private String agreementText() {
        return browser.driver().findElement(By.cssSelector(".eula-text")).getText();
    }

    private List<String> historyRows() {
        return browser.driver().findElements(By.cssSelector("[id='history_data'] tr")).stream()
                .filter(row -> !row.getAttribute("class").contains("ui-datatable-empty-message"))
                .map(WebElement::getText)
                .toList();
    }
}
