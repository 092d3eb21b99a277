package org.pbxlicensing.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * The exports page streams registrations, licenses and bindings as CSV files, shows how many rows a
 * download wrote, and offers each role only what it may take; every finished export is audited.
 */
@SystemTest
class AdminExportsIT extends BrowserTest {

    @Test
    void anAdminDownloadsEachExportWithTheTestsOwnRowsAndSeesHowManyRowsWereWritten() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, 33, host, "export-pbx").then().statusCode(200);
        String admin = logInAs("ADMIN");
        StaffLogin.inEnglish(browser);
        browser.click("nav:exports");
        browser.find("exports:list");
        browser.screenshot("admin-exports-en");

        browser.driver().findElement(By.cssSelector("a[href$='/admin/exports/registrations.csv']")).click();
        List<String> registrations = lines(browser.downloaded("registrations.csv"));
        assertEquals("number,company,contactPerson,email,phone,taxId,country,city,language,createdAt", registrations.get(0));
        assertTrue(registrations.stream().anyMatch(line -> line.startsWith(number + ",")), "the test's registration");
        browser.waitForText("Finished: " + String.format(java.util.Locale.ENGLISH, "%,d", registrations.size() - 1)
                + " rows written.");
        browser.screenshot("admin-exports-finished-en");

        HttpResponse<String> licenses = StaffLogin.get(browser, "/admin/exports/licenses.csv");
        assertEquals(200, licenses.statusCode());
        assertEquals("attachment; filename=\"licenses.csv\"", licenses.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(licenses.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(licenses.headers().firstValue("Content-Length").isEmpty(), "streamed, its length unknown ahead");
        List<String> licenseLines = lines(licenses.body());
        assertEquals("id,registration,feature,featureName,kind,seats,startsAt,endsAt,source,revokedAt,createdAt",
                licenseLines.get(0));
        assertTrue(licenseLines.stream().anyMatch(line -> line.contains("," + number + ",33,Askozia PBX,TRIAL,")),
                "the trial of the test's registration");

        HttpResponse<String> bindings = StaffLogin.get(browser, "/admin/exports/bindings.csv");
        assertEquals(200, bindings.statusCode());
        List<String> bindingLines = lines(bindings.body());
        assertEquals("id,registration,feature,hostId,hostName,productVersion,boundAt,lastSeenAt,releasedAt,releasedBy",
                bindingLines.get(0));
        assertTrue(bindingLines.stream().anyMatch(line -> line.contains("," + number + ",33," + host + ",export-pbx,2026.1.1,")),
                "the test's binding");

        assertEquals(404, StaffLogin.get(browser, "/admin/exports/passwords.csv").statusCode());
        assertEquals(3, Database.count("""
                SELECT COUNT(DISTINCT subject) FROM audit_event WHERE action = 'DATA_EXPORTED' AND actor = ?""", admin));
        assertEquals(List.of(), browser.consoleErrors(), "errors in the browser's console");
    }

    @Test
    void supportExportsLicensesAndBindingsButNotRegistrationsAndAViewerNothing() {
        String number = Pbx.register();
        Pbx.activate(number, Pbx.newHostId()).then().statusCode(200);
        logInAs("SUPPORT");
        browser.click("nav:exports");
        browser.find("exports:list");
        String page = browser.pageText();
        assertTrue(page.contains("licenses.csv") && page.contains("bindings.csv"), page);
        assertTrue(!page.contains("registrations.csv"), "support is not offered the registrations");
        browser.screenshot("admin-exports-support-ru");

        assertEquals(403, StaffLogin.get(browser, "/admin/exports/registrations.csv").statusCode());
        HttpResponse<String> licenses = StaffLogin.get(browser, "/admin/exports/licenses.csv");
        assertEquals(200, licenses.statusCode());
        assertTrue(licenses.body().contains("," + number + ",33,"), "the test's license");
        browser.driver().findElement(By.cssSelector("a[href$='/admin/exports/bindings.csv']")).click();
        assertTrue(lines(browser.downloaded("bindings.csv")).get(0).startsWith("id,registration,feature,hostId,"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> d.findElement(By.tagName("body")).getText().contains("Готово: записано строк"));

        browser.driver().manage().deleteAllCookies();
        logInAs("VIEWER");
        assertTrue(browser.driver().findElements(By.id("nav:exports")).isEmpty(), "no exports in a viewer's menu");
        assertEquals(403, StaffLogin.get(browser, "/admin/exports/licenses.csv").statusCode());
        assertEquals(403, StaffLogin.get(browser, "/admin/exports/bindings.csv").statusCode());
        assertEquals(List.of(), browser.consoleErrors(), "errors in the browser's console");
    }

    @Test
    void aLargeExportStreamsWhileThePageCountsItsRowsAndABrokenOffDownloadIsNotAudited() throws Exception {
        String number = Pbx.register();
        Pbx.activate(number, Pbx.newHostId()).then().statusCode(200);
        // Released bindings of one license: many rows, far more than the server could send before the reader reads.
        Database.execute("""
                INSERT INTO host_binding (license_id, registration_id, feature_number, host_id, host_name, os,
                                          product_version, bound_at, last_seen_at, released_at, released_by, release_reason)
                SELECT b.license_id, b.registration_id, b.feature_number, CONCAT('bulk-', b.host_id, '-', s.seq),
                       REPEAT('h', 250), 'Linux 6.1', '2026.1.1', b.bound_at - INTERVAL 400 DAY, b.last_seen_at,
                       UTC_TIMESTAMP(6), 'STAFF', 'bulk rows of an export test'
                FROM host_binding b JOIN seq_1_to_60000 s
                WHERE b.registration_id = (SELECT id FROM registration WHERE number = ?)""", number);
        try {
            streamsWhileThePageCounts();
        } finally {
            Database.execute("DELETE FROM host_binding WHERE host_id LIKE 'bulk-%' AND release_reason = 'bulk rows of an export test'");
        }
    }

    private void streamsWhileThePageCounts() throws Exception {
        String support = logInAs("SUPPORT");
        StaffLogin.inEnglish(browser);
        browser.click("nav:exports");
        browser.find("exports:list");
        URI base = URI.create(ServerUnderTest.BASE_URL);
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();

        try (Socket reader = new Socket(base.getHost(), base.getPort())) {
            reader.getOutputStream().write(("GET " + base.getPath() + "/admin/exports/bindings.csv HTTP/1.1\r\n"
                    + "Host: " + base.getAuthority() + "\r\nCookie: JSESSIONID=" + session + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] start = reader.getInputStream().readNBytes(4096);
            String head = new String(start, StandardCharsets.UTF_8);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked"), head);
            assertTrue(head.contains("attachment; filename=\"bindings.csv\""), head);

            // The download stalls while nobody reads it; the page shows it under way, part written.
            browser.go("/admin/exports.xhtml");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                    .until(d -> d.findElement(By.tagName("body")).getText().contains("rows written…"));
            String progress = browser.driver().findElement(By.xpath("//tr[td[contains(., 'bindings.csv')]]")).getText();
            browser.screenshot("admin-exports-running-en");
            long written = Long.parseLong(progress.replaceAll("(?s).* ([0-9,]+) of about.*", "$1").replace(",", ""));
            long expected = Long.parseLong(progress.replaceAll("(?s).*of about ([0-9,]+) rows.*", "$1").replace(",", ""));
            assertTrue(written > 0 && written < expected && expected > 60_000, progress);
        }
        // The reader went away: the export is broken off, and only finished exports are audited.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(2)).until(d -> {
            browser.go("/admin/exports.xhtml");
            return browser.pageText().contains("Broken off after");
        });
        assertEquals(0, Database.count(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'DATA_EXPORTED' AND actor = ?", support));
        assertEquals(List.of(), browser.consoleErrors(), "errors in the browser's console");
    }

    private String logInAs(String role) {
        String password = role.toLowerCase() + "-password-" + TestData.unique();
        String user = StaffLogin.createUser(role, password);
        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, user, password);
        browser.find("nav:logout");
        return user;
    }

    private static List<String> lines(byte[] csv) {
        return lines(new String(csv, StandardCharsets.UTF_8));
    }

    private static List<String> lines(String csv) {
        return Arrays.asList(csv.split("\r\n"));
    }
}
