package org.pbxlicensing.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;

/**
 * Every admin page, in Russian and in English, runs without an error in the browser's console (a
 * script error such as an undefined {@code $}, a resource that failed to load, a refused script),
 * and leaves its screenshot for a look.
 */
@SystemTest
class AdminConsoleIT extends BrowserTest {

    @Test
    void noAdminPageLogsAnErrorInEitherLanguage() {
        String number = Pbx.register();
        Pbx.activate(number, 33, Pbx.newHostId(), "console-pbx").then().statusCode(200);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("dashboard", "/admin/index.xhtml");
        pages.put("registrations", "/admin/registrations.xhtml");
        pages.put("registration", "/admin/registration.xhtml?number=" + number);
        pages.put("bindings", "/admin/bindings.xhtml");
        pages.put("coupons", "/admin/coupons.xhtml");
        pages.put("mint", "/admin/mint.xhtml");
        pages.put("features", "/admin/features.xhtml");
        pages.put("eulas", "/admin/eulas.xhtml");
        pages.put("audit", "/admin/audit.xhtml");
        pages.put("search", "/admin/search.xhtml?q=" + number);
        pages.put("exports", "/admin/exports.xhtml");
        pages.put("staff", "/admin/staff.xhtml");
        pages.put("account", "/admin/account.xhtml");
        pages.put("webhooks", "/admin/webhooks.xhtml?endpoint=1");

        List<String> errors = new ArrayList<>();
        browser.go("/admin/login.xhtml");
        errors.addAll(errorsOf("login (ru)"));
        browser.screenshot("admin-page-login-ru");
        StaffLogin.logIn(browser, StaffLogin.ADMIN, StaffLogin.ADMIN_PASSWORD);
        browser.find("nav:logout");
        for (String language : List.of("ru", "en")) {
            if ("en".equals(language)) {
                StaffLogin.inEnglish(browser);
            }
            for (var page : pages.entrySet()) {
                browser.go(page.getValue());
                browser.find("nav:logout");
                errors.addAll(errorsOf(page.getKey() + " (" + language + ")"));
                browser.screenshot("admin-page-" + page.getKey() + "-" + language);
            }
        }
        assertEquals(List.of(), errors, "errors in the browser's console");
    }

    private List<String> errorsOf(String page) {
        return browser.consoleErrors().stream().map(message -> page + ": " + message).toList();
    }
}
