package org.pbxlicensing.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * The seats in use on the licenses page are what the session monitor lists: the live sessions of a
 * per-session feature, the host bindings of a per-host one.
 */
@SystemTest
class SeatFiguresInPortalIT extends BrowserTest {

    private static final int PER_SESSION = 46;
    private static final int PER_HOST = 33;

    @Test
    void theSeatsUsedOnTheLicensesPageAreWhatTheMonitorLists() {
        String number = Pbx.register(PER_HOST);
        Database.grantPerpetualLicense(number, PER_SESSION, 3);
        startSession(number, "operator-1");
        startSession(number, "operator-2");
        Pbx.activate(number, PER_HOST, Pbx.newHostId(), "office-pbx").then().statusCode(200);

        logInToPortal(number);
        browser.waitForText(PER_SESSION + " ·");
        List<String> sessionSeats = seatsOnOverview(PER_SESSION);
        List<String> hostSeats = seatsOnOverview(PER_HOST);
        browser.screenshot("overview-seats-ru");

        browser.click("nav:monitor");
        browser.find("monitor:tabs:bindings");
        long boundOnMonitor = rowsMentioning("monitor:tabs:bindings_data", PER_HOST);
        browser.driver().findElement(By.linkText("Активные сессии")).click();
        browser.waitForText("operator-2");
        long liveOnMonitor = rowsMentioning("monitor:tabs:liveSessions_data", PER_SESSION);
        browser.screenshot("monitor-sessions-seats-ru");

        assertEquals(2, liveOnMonitor);
        assertEquals(1, boundOnMonitor);
        assertEquals(List.of("2 / 3"), sessionSeats);
        assertEquals(liveOnMonitor, used(sessionSeats), "per-session seats: " + sessionSeats);
        assertEquals(boundOnMonitor, used(hostSeats), "per-host seats: " + hostSeats);
    }

    private static void startSession(String number, String user) {
        api().body(Map.of("registrationNumber", number, "feature", PER_SESSION,
                        "holder", Map.of("user", user, "host", "crm-" + TestData.unique())))
                .post("/sessions").then().statusCode(201);
    }

    /** The "used / seats" of each license of the feature on the overview. */
    private List<String> seatsOnOverview(int feature) {
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("[id='licenses_data'] tr"));
        return rows.stream()
                .filter(row -> row.findElement(By.className("feature")).getText().startsWith(feature + " ·"))
                .map(row -> row.findElement(By.className("seats")).getText())
                .toList();
    }

    private long rowsMentioning(String tableBodyId, int feature) {
        return browser.driver().findElements(By.cssSelector("[id='" + tableBodyId + "'] tr")).stream()
                .filter(row -> row.getText().contains(feature + " ·"))
                .count();
    }

    private static long used(List<String> seatsOfLicenses) {
        return seatsOfLicenses.stream()
                .mapToLong(seats -> Long.parseLong(seats.substring(0, seats.indexOf('/')).strip()))
                .sum();
    }
}
