package org.pbxlicensing.it.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;

/** The feature catalogue and the agreement versions in the admin area: admins change them, nobody else. */
@SystemTest
class AdminCatalogueIT extends BrowserTest {

    @Test
    void anAdminAddsAFeatureChangesItAndPublishesAgreementsThatArePendingAgain() {
        int feature = (int) Database.count("SELECT MAX(number) + 1 FROM feature");
        browser.go("/admin/login.xhtml");
        StaffLogin.inEnglish(browser);
        StaffLogin.logIn(browser, StaffLogin.ADMIN, StaffLogin.ADMIN_PASSWORD);

        browser.click("nav:features");
        saveFeature(feature, "Call recording");
        browser.waitForText("The feature was saved.");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM feature WHERE number = ? AND name = 'Call recording'"
                + " AND counting_mode = 'PER_HOST' AND trial_days = 30 AND trial_seats = 1", feature));
        saveFeature(feature, "Call recording Pro");
        browser.waitForText("Call recording Pro");
        browser.screenshot("admin-features");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM feature WHERE number = ? AND name = ?", feature,
                "Call recording Pro"));
        assertEquals(1, audited("FEATURE_ADDED", feature));
        assertEquals(1, audited("FEATURE_CHANGED", feature));

        String number = Pbx.register(feature);
        String host = Pbx.newHostId();
        Pbx.activate(number, feature, host, "recorder").then().statusCode(200).body("eula.required", equalTo(false));

        new Select(browser.find("features:countingMode")).selectByValue("PER_SESSION");
        browser.click("features:save");
        browser.waitForText("Counting mode: cannot be changed while licenses of this feature exist");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM feature WHERE number = ? AND counting_mode = 'PER_HOST'",
                feature));

        browser.go("/admin/eulas.xhtml?feature=" + feature);
        publish("1.0", "Соглашение о записи звонков");
        browser.waitForText("The version was published.");
        browser.find("eula:versions:0:label");
        assertEquals("1.0", browser.text("eula:versions:0:label"));
        Pbx.check(number, host).then().statusCode(200)
                .body("eula.required", equalTo(true)).body("eula.version", equalTo("1.0"));
        api().body(Map.of("registrationNumber", number, "hostId", host, "version", "1.0")).post("/eula-acceptances")
                .then().statusCode(204);
        Pbx.check(number, host).then().statusCode(200).body("eula.required", equalTo(false));

        publish("2.0", "Соглашение о записи звонков, редакция 2");
        browser.waitForText("The version was published.");
        browser.waitForTextOf("eula:versions:0:label", "2.0");
        browser.screenshot("admin-eula-versions");
        Pbx.check(number, host).then().statusCode(200)
                .body("eula.required", equalTo(true)).body("eula.version", equalTo("2.0"));
        assertEquals(2, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'EULA_PUBLISHED'"
                + " AND subject = ? AND actor = ?", "feature " + feature, StaffLogin.ADMIN));
    }

    @Test
    void aViewerCannotChangeTheCatalogueOrPublishEvenByCraftingTheRequest() {
        int feature = (int) Database.count("SELECT MAX(number) + 1 FROM feature");
        String viewer = StaffLogin.createUser("VIEWER", "viewer-password-3");
        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, viewer, "viewer-password-3");

        browser.go("/admin/features.xhtml");
        browser.find("features:catalogue");
        assertTrue(browser.driver().findElements(By.id("features:save")).isEmpty(), "no editor offered");
        craftPost("features", Map.of("features:number_input", String.valueOf(feature), "features:number",
                String.valueOf(feature), "features:featureName", "Crafted", "features:countingMode", "PER_HOST",
                "features:trialDays_input", "30", "features:trialSeats_input", "1", "features:save", "features:save"));
        browser.find("features:catalogue");
        assertEquals(0, Database.count("SELECT COUNT(*) FROM feature WHERE number = ? OR name = 'Crafted'", feature));

        browser.go("/admin/eulas.xhtml?feature=33");
        browser.find("eula:versions");
        assertTrue(browser.driver().findElements(By.id("eula:publish")).isEmpty(), "no publishing offered");
        long versions = Database.count("SELECT COUNT(*) FROM eula_version WHERE feature_number = 33");
        craftPost("eula", Map.of("eula:feature", "33", "eula:version", "crafted", "eula:titleRu", "x",
                "eula:textRu", "x", "eula:titleEn", "x", "eula:textEn", "x", "eula:publish", "eula:publish"));
        browser.find("eula:versions");
        assertEquals(versions, Database.count("SELECT COUNT(*) FROM eula_version WHERE feature_number = 33"));
        browser.screenshot("admin-viewer-eulas");
    }

    @Test
    void anAdminSetsHowLongAHostMayBeSilentButNeverLessThanAWeek() {
        int feature = Database.addFeatureReleasingSilentHosts(7);
        browser.go("/admin/login.xhtml");
        StaffLogin.inEnglish(browser);
        StaffLogin.logIn(browser, StaffLogin.ADMIN, StaffLogin.ADMIN_PASSWORD);
        browser.click("nav:features");

        saveSilentDays(feature, "6");
        browser.waitForText("Release silent hosts after: Value out of range");
        assertEquals(7, silentDays(feature));

        saveSilentDays(feature, "10");
        browser.waitForText("The feature was saved.");
        Poll.until("10 days saved", Duration.ofSeconds(10), () -> silentDays(feature) == 10 ? Boolean.TRUE : null);

        saveSilentDays(feature, "");
        Poll.until("the setting cleared", Duration.ofSeconds(10), () -> Database.count(
                "SELECT COUNT(*) FROM feature WHERE number = ? AND release_silent_after_days IS NULL", feature) == 1
                ? Boolean.TRUE : null);
        browser.screenshot("admin-features-silent-hosts");
    }

    private void saveSilentDays(int feature, String days) {
        browser.find("features:releaseSilentAfterDays_input").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        if (!days.isEmpty()) {
            browser.find("features:releaseSilentAfterDays_input").sendKeys(days);
        }
        saveFeature(feature, "Silent hosts test " + feature);
    }

    private static long silentDays(int feature) {
        return Database.count("SELECT release_silent_after_days FROM feature WHERE number = ?", feature);
    }

    private void saveFeature(int feature, String name) {
        browser.find("features:number_input").sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(feature));
        browser.type("features:featureName", name);
        new Select(browser.find("features:countingMode")).selectByValue("PER_HOST");
        browser.click("features:save");
    }

    private void publish(String version, String titleRu) {
        browser.type("eula:version", version);
        browser.type("eula:titleRu", titleRu);
        browser.type("eula:textRu", "1. Запись звонков хранится 30 дней.\n2. Прочее.");
        browser.type("eula:titleEn", "Call recording agreement");
        browser.type("eula:textEn", "1. Recordings are kept for 30 days.\n2. Other terms.");
        browser.click("eula:publish");
    }

    /** Posts the form with extra fields, as a crafted request with this page's valid view state would. */
    private void craftPost(String formId, Map<String, String> fields) {
        var page = browser.find(formId);
        var script = new StringBuilder("var form = document.getElementById(arguments[0]);");
        fields.forEach((name, value) -> script.append("""
                var i = document.createElement('input'); i.type = 'hidden';
                i.name = '%s'; i.value = '%s'; form.appendChild(i);""".formatted(name, value)));
        script.append("form.submit();");
        ((JavascriptExecutor) browser.driver()).executeScript(script.toString(), formId);
        browser.waitUntilGone(page);
    }

    private static long audited(String action, int feature) {
        return Database.count("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ? AND actor = ?",
                action, "feature " + feature, StaffLogin.ADMIN);
    }
}
