package org.pbxlicensing.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * The search box in the admin header finds registrations, coupons, hosts and installations by the
 * parts staff remember; the audit log narrows to a registration, a coupon, a member of staff, an
 * action and days, and says what is wrong with a filter that cannot match.
 */
@SystemTest
class AdminSearchIT extends BrowserTest {

    @Test
    void theSearchBoxFindsEachKindByThePartStaffRemember() {
        String number = Pbx.register();
        String company = "ООО Ромашка " + TestData.unique();
        String domain = "romashka" + letters("abcdefghijklmnopqrstuvwxyz", 8);
        Database.execute("UPDATE registration SET company = ?, email = ? WHERE number = ?", company,
                "info@" + domain + ".ru", number);
        String hostName = "search-pbx-" + TestData.unique();
        String hostId = Pbx.newHostId();
        Pbx.activate(number, 33, hostId, hostName).then().statusCode(200);
        String coupon = Store.coupon(33, 1);
        String installId = HexFormat.of().formatHex(randomBytes(16));
        Database.execute("""
                INSERT INTO licensev2_installation (install_id, pubkey, registration_id, host_id, state, first_seen_at, last_seen_at)
                SELECT ?, 'test key', id, ?, 'ACTIVE', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM registration WHERE number = ?""",
                installId, "v2:" + installId, number);
        logInAsNewAdmin();

        assertTrue(browser.find("q").isDisplayed());
        assertEquals("Поиск", browser.driver().findElement(By.cssSelector("label[for='q']")).getText(),
                "the box has a visible label");
        search("ромашк");
        assertTrue(rowsOf("found:registrations").stream().anyMatch(row -> row.contains(number) && row.contains(company)));
        browser.screenshot("admin-search-ru");

        search(number.substring(5, 12));
        assertTrue(rowsOf("found:registrations").stream().anyMatch(row -> row.contains(number)), "7 characters from the start");
        search(number.substring(11, 18).toLowerCase());
        assertTrue(rowsOf("found:registrations").stream().anyMatch(row -> row.contains(number)), "7 characters from the middle");
        browser.click("found:registrations:0:open");
        browser.waitForTextOf("reg:number", number);

        search(coupon.substring(14, 21));
        assertTrue(rowsOf("found:coupons").stream().anyMatch(row -> row.contains(coupon)), "a coupon by part of its code");

        search(hostName);
        assertEquals(1, rowsOf("found:bindings").size());
        assertTrue(rowsOf("found:bindings").get(0).contains(number), "a host by its name, with its registration");
        search(hostId.substring(0, 11));
        assertTrue(rowsOf("found:bindings").stream().anyMatch(row -> row.contains(hostId) && row.contains(number)),
                "a host by the start of its id");

        search(domain.toUpperCase());
        assertTrue(rowsOf("found:registrations").stream().anyMatch(row -> row.contains(number)), "a word of the email's domain");
        search("info@" + domain.substring(0, 11));
        assertTrue(rowsOf("found:registrations").stream().anyMatch(row -> row.contains(number)), "the start of the email");

        search(installId.substring(0, 12));
        assertEquals(1, rowsOf("found:installations").size());
        browser.click("found:installations:0:open");
        browser.waitForTextOf("reg:number", number);

        StaffLogin.inEnglish(browser);
        search("Ромашка");
        assertTrue(rowsOf("found:registrations").stream().anyMatch(row -> row.contains(number)));
        browser.screenshot("admin-search-en");
        search("Несуществующая " + TestData.unique());
        browser.waitForText("Nothing found.");
        browser.screenshot("admin-search-nothing-en");
    }

    @Test
    void findingsAreGroupedByKindAndPagedByTen() {
        String word = "лютик" + letters("абвгдежзиклмнопрстуф", 8);
        List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String number = Pbx.register();
            Database.execute("UPDATE registration SET company = ? WHERE number = ?", "ООО " + word + " " + i, number);
            numbers.add(number);
        }
        logInAsNewAdmin();
        StaffLogin.inEnglish(browser);

        search(word.toUpperCase());
        assertTrue(browser.text("registrationsHeading").endsWith("(12)"), browser.text("registrationsHeading"));
        assertTrue(browser.driver().findElements(By.id("couponsHeading")).isEmpty(), "no group of coupons");
        List<String> first = rowsOf("found:registrations");
        assertEquals(10, first.size());
        browser.screenshot("admin-search-paged-en");

        browser.driver().findElement(By.cssSelector("[id='found:registrations'] .ui-paginator-next")).click();
        List<String> second = new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<String> rows = rowsOf("found:registrations");
                    return rows.size() == 2 ? rows : null;
                });
        List<String> shown = new java.util.ArrayList<>(first);
        shown.addAll(second);
        assertTrue(numbers.stream().allMatch(number -> shown.stream().filter(row -> row.contains(number)).count() == 1),
                "each of the twelve once over two pages: " + shown);
    }

    @Test
    void eachAuditFilterNarrowsTheLogToWhatItNames() {
        String admin = logInAsNewAdmin();
        String number = Pbx.register();
        String coupon = Store.coupon(33, 1);
        Store.activate(coupon, number).then().statusCode(200);
        audited(admin, "STAFF_ROLE_CHANGED", "2020-01-15 10:00:00");
        audited(admin, "STAFF_PASSWORD_RESET", "2020-03-15 10:00:00");
        audited(admin, "STAFF_PASSWORD_RESET", "2020-03-31 23:59:00");

        browser.click("nav:audit");
        browser.type("audit:number", number);
        filter();
        long ofRegistration = Database.count("SELECT COUNT(*) FROM audit_event e JOIN registration r ON r.id = e.registration_id"
                + " WHERE r.number = ?", number);
        assertTrue(ofRegistration >= 2, "registered and activated a coupon");
        assertEquals(ofRegistration, events().size());
        assertTrue(events().stream().anyMatch(row -> row.contains("Активирован купон")), "actions in the staff's language");

        browser.type("audit:number", "");
        browser.type("audit:coupon", coupon);
        filter();
        assertEquals(1, events().size());
        assertTrue(events().get(0).contains("Активирован купон"), events().get(0));

        browser.type("audit:coupon", "");
        browser.choose("audit:staffUser", admin);
        filter();
        assertEquals(3, events().size());
        browser.choose("audit:action", "Задан пароль персонала");
        filter();
        assertEquals(2, events().size());
        browser.type("audit:from", "01.03.2020");
        browser.type("audit:to", "30.03.2020");
        filter();
        assertEquals(1, events().size());
        browser.screenshot("admin-audit-filtered-ru");

        browser.type("audit:from", "31.03.2020");
        browser.type("audit:to", "01.03.2020");
        filter();
        browser.waitForText("Начальная дата позже конечной.");
        assertEquals(0, events().size());

        StaffLogin.inEnglish(browser);
        browser.type("audit:number", "MIKO-00000-00000-00000-00000");
        filter();
        browser.waitForText("No registration has this number.");
        browser.type("audit:number", "");
        browser.type("audit:from", "01.03.2020");
        browser.type("audit:to", "31.03.2020");
        browser.choose("audit:staffUser", admin);
        filter();
        assertEquals(2, events().size());
        assertTrue(events().stream().allMatch(row -> row.contains("Staff password set")), String.valueOf(events()));
        browser.screenshot("admin-audit-filtered-en");
    }

    private String logInAsNewAdmin() {
        String password = "admin-password-" + TestData.unique();
        String admin = StaffLogin.createUser("ADMIN", password);
        browser.go("/admin/login.xhtml");
        StaffLogin.logIn(browser, admin, password);
        browser.find("nav:logout");
        return admin;
    }

    private void search(String text) {
        var box = browser.find("q");
        box.clear();
        box.sendKeys(text);
        browser.click("go");
        browser.waitUntilGone(box);
        browser.find("q");
    }

    private List<String> rowsOf(String tableId) {
        return browser.driver().findElements(By.cssSelector("[id='" + tableId + "_data'] tr")).stream()
                .map(WebElement::getText).toList();
    }

    private void filter() {
        var table = browser.find("audit:events");
        browser.click("audit:filter");
        browser.waitUntilGone(table);
        browser.find("audit:events");
    }

    /** The rows the audit table shows; its "nothing found" row is none. */
    private List<String> events() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("[id='audit:events_data'] tr:not(.ui-datatable-empty-message)"))
                        .stream().map(WebElement::getText).toList());
    }

    private static void audited(String staff, String action, String at) {
        Database.execute("INSERT INTO audit_event (occurred_at, actor_type, actor, action, subject)"
                + " VALUES (?, 'ADMIN', ?, ?, ?)", at, staff, action, "staff someone-" + TestData.unique());
    }

    private static String letters(String alphabet, int count) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
