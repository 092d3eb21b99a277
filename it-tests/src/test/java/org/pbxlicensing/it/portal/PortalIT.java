package org.pbxlicensing.it.portal;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/** The customer portal in a real browser. */
@SystemTest
class PortalIT extends BrowserTest {


    @Test
    void aCustomerRegistersSeesTheTrialAndLogsInWithTheNumber() {
        String id = TestData.unique();
        browser.go("/register.xhtml");
        browser.type("registration:company", "ООО Портал " + id);
        browser.type("registration:contactPerson", "Анна Смирнова");
        browser.type("registration:email", "portal-" + id + "@example.com");
        browser.type("registration:phone", "+7 812 555-12-34");
        browser.click("registration:consent");
        browser.screenshot("register-form");
        browser.click("registration:submit");

        String number = browser.text("number");
        assertTrue(number.matches("MIKO-[0-9A-Z]{5}(-[0-9A-Z]{5}){3}"), number);
        browser.screenshot("register-done");

        logInToPortal(number);
        assertEquals(number, browser.text("number"));
        browser.waitForText("Пробная");
        assertTrue(browser.pageText().contains("33 · Askozia PBX"));
        browser.screenshot("overview");
    }

    @Test
    void theRegistrationFormShowsFieldErrors() {
        browser.go("/register.xhtml");
        browser.type("registration:email", "not-an-email");
        browser.click("registration:submit");
        browser.waitForText("Неверный формат");
        assertTrue(browser.pageText().contains("Обязательное поле"));
        assertTrue(browser.pageText().contains("Для регистрации нужно согласие"));
        browser.screenshot("register-errors");
    }

    @Test
    void theMonitorShowsWhenASilentHostWouldBeReleasedWhereTheFeatureDoesSo() {
        int feature = Database.addFeatureReleasingSilentHosts(7);
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, feature, host, "quiet-pbx").then().statusCode(200);
        Instant lastSeen = Instant.parse(Database.strings("""
                SELECT DATE_FORMAT(last_seen_at, '%Y-%m-%dT%H:%i:%sZ') FROM host_binding WHERE host_id = ?""",
                host).get(0));

        logInToPortal(number);
        browser.click("nav:monitor");
        browser.waitForText(host);
        browser.screenshot("monitor-silent-release");
        String releaseAt = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                .format(lastSeen.plus(Duration.ofDays(7)));
        assertEquals(releaseAt, browser.driver().findElement(By.cssSelector(".silent-release")).getText());
        assertTrue(browser.pageText().contains("Освободится без связи"));
    }

    @Test
    void aHostBoundThroughTheApiIsShownAndResetWithConfirmation() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, 33, host, "office-pbx").then().statusCode(200);

        logInToPortal(number);
        browser.click("nav:monitor");
        browser.waitForText(host);
        browser.screenshot("monitor");

        browser.click("monitor:tabs:bindings:0:info");
        assertEquals("office-pbx", browser.text("monitor:infoHostName"));
        assertEquals("Linux 6.1", browser.text("monitor:infoOs"));
        assertEquals("2026.1.1", browser.text("monitor:infoVersion"));
        browser.screenshot("monitor-info");
        browser.driver().navigate().refresh();

        browser.waitForText(host);
        browser.click("monitor:tabs:bindings:0:reset");
        String warning = browser.text("resetWarning");
        assertTrue(warning.contains("33") && warning.contains("Askozia PBX"), warning);
        assertTrue(warning.contains("других функций не затрагиваются"), warning);
        browser.screenshot("monitor-reset-confirmation");
        browser.click("monitor:confirmReset");

        browser.waitForText("Привязка сброшена");
        assertFalse(browser.pageText().contains(host));
        Pbx.check(number, host).then().statusCode(200).body("status", equalTo("BINDING_RESET"));
    }

    @Test
    void anActivatedCouponLogsInToItsRegistration() {
        String number = Pbx.register();
        String coupon = Store.coupon(31, 1);
        Store.activate(coupon, number).then().statusCode(200);

        logInToPortal(coupon.toLowerCase());
        assertEquals(number, browser.text("number"));
        assertTrue(browser.pageText().contains("31 · Журнал звонков"), "the product in the portal's first language");
    }

    @Test
    void aWrongNumberIsRefusedWithAMessage() {
        browser.go("/login.xhtml");
        browser.type("login:credential", "MIKO-00000-00000-00000-00000");
        browser.click("login:submit");
        browser.waitForText("Неизвестный регистрационный номер или купон");
        assertTrue(browser.url().contains("login"));
        browser.screenshot("login-error");
    }

    @Test
    void theCustomersPagesNeedALogin() {
        browser.go("/portal/monitor.xhtml");
        assertTrue(browser.url().endsWith("/login.xhtml"), browser.url());
    }

    @Test
    void aResetTouchesOnlyTheCustomersOwnRegistration() {
        String mine = Pbx.register(34);
        String theirs = Pbx.register(34);
        String sharedHost = Pbx.newHostId();
        Pbx.activate(mine, 31, sharedHost, "mine").then().statusCode(200);
        Pbx.activate(theirs, 32, sharedHost, "theirs").then().statusCode(200);

        logInToPortal(mine);
        browser.click("nav:monitor");
        browser.waitForText(sharedHost);
        assertFalse(browser.pageText().contains("32 · "), "another registration's binding is not shown");
        browser.click("monitor:tabs:bindings:0:reset");
        browser.find("resetWarning");
        browser.click("monitor:confirmReset");
        browser.waitForText("Привязка сброшена");

        Pbx.check(mine, sharedHost).then().body("status", equalTo("BINDING_RESET"));
        Pbx.check(theirs, sharedHost).then().body("status", equalTo("TRIAL"));
    }

    @Test
    void liveSessionsOfPerSessionFeaturesAreOnTheSecondTab() {
        String number = Pbx.register();
        org.pbxlicensing.it.support.ServerUnderTest.api()
                .body(java.util.Map.of("registrationNumber", number, "feature", 46,
                        "holder", java.util.Map.of("user", "operator-7", "host", "crm-" + TestData.unique())))
                .post("/sessions").then().statusCode(201);

        logInToPortal(number);
        browser.click("nav:monitor");
        browser.find("monitor:tabs:bindings");
        browser.driver().findElement(org.openqa.selenium.By.linkText("Активные сессии")).click();
        browser.waitForText("operator-7");
        assertTrue(browser.pageText().contains("46 · Панель телефонии для CRM"));
        browser.screenshot("monitor-sessions");
    }

    @Test
    void theCustomerAcceptsThePendingAgreementInThePortal() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200).body("eula.required", equalTo(true));

        logInToPortal(number);
        browser.waitForText("Лицензионное соглашение ожидает принятия");
        browser.screenshot("overview-eula");
        browser.driver().findElement(org.openqa.selenium.By.cssSelector("[id$='eula:accept']")).click();
        browser.waitForText("соглашение принято");
        assertFalse(browser.pageText().contains("Лицензионное соглашение ожидает принятия"));
        Pbx.check(number, host).then().statusCode(200).body("eula.required", equalTo(false));
    }

    @Test
    void aForgottenNumberIsMailedFromThePortal() {
        var form = TestData.registrationForm();
        String email = (String) form.get("email");
        String number = org.pbxlicensing.it.support.ServerUnderTest.api().body(form).post("/registrations")
                .then().statusCode(201).extract().path("registrationNumber");

        browser.go("/login.xhtml");
        browser.click("login:toForgot");
        browser.type("forgot:email", email);
        browser.click("forgot:submit");
        browser.waitForText("номера уже отправлены");
        browser.screenshot("forgot-sent");

        var reminders = org.pbxlicensing.it.support.MailServer.awaitMailsTo(email, 2, java.time.Duration.ofSeconds(60));
        assertTrue(reminders.stream().allMatch(mail -> org.pbxlicensing.it.mail.Mails.text(mail)
                .contains(number)), "the welcome mail and the reminder both carry the number");
    }

    @Test
    void theLanguageSwitchesToEnglish() {
        browser.go("/login.xhtml");
        browser.click("nav:en");
        browser.waitForText("Registration number or coupon");
        browser.screenshot("login-english");
    }

}
