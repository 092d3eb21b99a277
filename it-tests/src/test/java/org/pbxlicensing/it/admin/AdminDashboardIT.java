package org.pbxlicensing.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * The dashboard's Chart.js charts show the numbers of what happened: the test's own registration,
 * activation, trial and its conversion to paid, its host's product and version, and its polls, read
 * from the charts' models in the browser and from the tables that are their text alternative; in
 * both languages, over 30 and 90 days, without an error in the browser's console.
 */
@SystemTest
class AdminDashboardIT extends BrowserTest {

    private static final int FEATURE = 33;
    private static final String PRODUCT = "Askozia PBX";
    private static final int POLLS = 7;

    @Test
    void theChartsCountTheTestsOwnRegistrationActivationTrialConversionAndPolls() {
        browser.driver().manage().window().setSize(new Dimension(1280, 2300));
        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, StaffLogin.ADMIN, StaffLogin.ADMIN_PASSWORD);
        StaffLogin.inEnglish(browser);
        open("/admin/index.xhtml");
        List<Long> before = today();
        long productHostsBefore = hostsOf("productChart", PRODUCT);

        String number = Pbx.register(FEATURE);
        String host = Pbx.newHostId();
        String version = "2026.4." + TestData.unique();
        api().body(Map.of("registrationNumber", number, "feature", FEATURE,
                        "host", Map.of("id", host, "name", "dashboard-pbx", "os", "Linux 6.1", "productVersion", version)))
                .post("/activations").then().statusCode(200);
        Database.grantPerpetualLicense(number, FEATURE, 1);

        open("/admin/index.xhtml");
        List<Long> after = today();
        assertEquals(List.of(before.get(0) + 1, before.get(1) + 1, before.get(2) + 1, before.get(3) + 1), after,
                "today's registrations, activations, trials started and trials converted");
        assertEquals(after.get(0), Database.count(
                "SELECT COUNT(*) FROM registration WHERE created_at >= UTC_DATE()"), "registrations today");
        assertEquals(productHostsBefore + 1, hostsOf("productChart", PRODUCT));
        assertEquals(1, hostsOf("versionChart", version));
        assertEquals(30, labels("perDayChart").size());
        assertEquals(48, labels("pollChart").size());
        assertTableMatchesChart();
        assertReadable("perDayChart");
        assertReadable("pollChart");
        assertFalse(browser.find("chart_canvas").getAttribute("aria-label").isBlank(), "the chart's text alternative");
        assertTrue(labels("perDayChart").contains(english(LocalDate.now(ZoneOffset.UTC))), labels("perDayChart").toString());
        assertEquals(List.of("Registrations", "Activations", "Trials started", "Trials converted to paid"), legend("perDayChart"));
        assertEquals("Day (UTC)", script("return PF('perDayChart').chart.options.scales.x.title.text"));
        browser.screenshot("admin-dashboard-30-en");

        long pollsBefore = lastValue("pollChart");
        for (int i = 0; i < POLLS; i++) {
            Pbx.check(number, host).then().statusCode(200);
        }
        // Each node adds its counts to the table once a minute.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(5)).until(d -> {
            open("/admin/index.xhtml");
            return lastValue("pollChart") >= pollsBefore + POLLS;
        });

        browser.click("span90");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("days=90"));
        waitForCharts();
        assertEquals(90, labels("perDayChart").size());
        assertEquals(after, today(), "the last of 90 days is today, as of 30");
        browser.screenshot("admin-dashboard-90-en");

        browser.find("lang:ru").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> d.findElement(By.tagName("h1")).getText().contains("Сводка"));
        open("/admin/index.xhtml?days=90");
        assertEquals(90, labels("perDayChart").size());
        assertEquals(List.of("Регистрации", "Активации", "Начато пробных", "Пробных перешло в платные"), legend("perDayChart"));
        browser.screenshot("admin-dashboard-90-ru");
        browser.click("span30");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("days=30"));
        waitForCharts();
        assertEquals(30, labels("perDayChart").size());
        assertEquals("День (UTC)", script("return PF('perDayChart').chart.options.scales.x.title.text"));
        browser.screenshot("admin-dashboard-30-ru");

        assertEquals(List.of(), browser.consoleErrors(), "errors in the browser's console");
    }

    private void open(String path) {
        browser.go(path);
        browser.find("chart");
        waitForCharts();
    }

    /** PrimeFaces draws a chart once it is visible: wait until all four have their Chart.js instance. */
    private void waitForCharts() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(script(
                "return ['perDayChart', 'productChart', 'versionChart', 'pollChart']"
                        + ".every(w => PrimeFaces.widgets[w] && PrimeFaces.widgets[w].chart)")));
    }

    /** Today's values of the per-day chart's four series, read from the chart's model. */
    private List<Long> today() {
        var values = new ArrayList<Long>();
        for (int series = 0; series < 4; series++) {
            List<?> data = (List<?>) script("return PF('perDayChart').chart.data.datasets[" + series + "].data");
            values.add(((Number) data.get(data.size() - 1)).longValue());
        }
        return values;
    }

    private long lastValue(String chart) {
        List<?> data = (List<?>) script("return PF('" + chart + "').chart.data.datasets[0].data");
        return ((Number) data.get(data.size() - 1)).longValue();
    }

    /** The chart's value for a label, 0 when the label is not there. */
    private long hostsOf(String chart, String label) {
        List<String> labels = labels(chart);
        int index = labels.indexOf(label);
        if (index < 0) {
            return 0;
        }
        List<?> data = (List<?>) script("return PF('" + chart + "').chart.data.datasets[0].data");
        return ((Number) data.get(index)).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> labels(String chart) {
        return (List<String>) script("return PF('" + chart + "').chart.data.labels");
    }

    @SuppressWarnings("unchecked")
    private List<String> legend(String chart) {
        return (List<String>) script("return PF('" + chart + "').chart.data.datasets.map(d => d.label)");
    }

    /** The text alternative holds the same numbers: the last row of the per-day table is today's. */
    private void assertTableMatchesChart() {
        var rows = browser.driver().findElements(By.cssSelector("[id='perDay'] tbody tr"));
        assertEquals(30, rows.size());
        var cells = rows.get(rows.size() - 1).findElements(By.tagName("td"));
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), cells.get(0).getAttribute("textContent").strip());
        List<Long> numbers = cells.subList(1, 5).stream()
                .map(cell -> Long.parseLong(cell.getAttribute("textContent").strip())).toList();
        assertEquals(today(), numbers);
    }

    /** Ticks, axis titles and legend are drawn in a colour of at least 4.5:1 against the white page. */
    private void assertReadable(String chart) {
        List<String> colours = List.of(
                (String) script("return PF('" + chart + "').chart.options.scales.x.ticks.color"),
                (String) script("return PF('" + chart + "').chart.options.scales.y.ticks.color"),
                (String) script("return PF('" + chart + "').chart.options.scales.x.title.color"),
                (String) script("return PF('" + chart + "').chart.options.plugins.legend.labels.color"));
        for (String colour : colours) {
            assertTrue(contrastOnWhite(colour) >= 4.5, chart + ": " + colour + " has " + contrastOnWhite(colour) + ":1");
        }
    }

    private static double contrastOnWhite(String hex) {
        double luminance = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double channel = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            channel = channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
            luminance += weights[i] * channel;
        }
        return 1.05 / (luminance + 0.05);
    }

    private static String english(LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("MMM d", java.util.Locale.ENGLISH));
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }
}
