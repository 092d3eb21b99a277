package org.pbxlicensing.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pbxlicensing.it.support.Accessibility;
import org.pbxlicensing.it.support.Accessibility.Screen;
import org.pbxlicensing.it.support.BrowserTest;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;

/**
 * Every admin page, in Russian and English, meets WCAG 2.1 AA as axe-core checks it (no critical or
 * serious violation) and logs no error in the browser's console (a script error such as an undefined
 * {@code $}, a resource that failed to load, a refused script). One browser per language walks the
 * pages in sequence; each leaves its screenshot.
 */
@SystemTest
class AdminAccessibilityIT extends BrowserTest {

    /** The admin pages after the login, each with its path; {@code %s} stands for a registration number. */
    private static final List<Page> PAGES = List.of(
            new Page("dashboard", "/admin/index.xhtml"),
            new Page("registrations", "/admin/registrations.xhtml"),
            new Page("registration", "/admin/registration.xhtml?number=%s"),
            new Page("bindings", "/admin/bindings.xhtml"),
            new Page("coupons", "/admin/coupons.xhtml"),
            new Page("mint", "/admin/mint.xhtml"),
            new Page("features", "/admin/features.xhtml"),
            new Page("eulas", "/admin/eulas.xhtml"),
            new Page("audit", "/admin/audit.xhtml"),
            new Page("staff", "/admin/staff.xhtml"),
            new Page("account", "/admin/account.xhtml"),
            new Page("webhooks", "/admin/webhooks.xhtml?endpoint=1"),
            new Page("search", "/admin/search.xhtml?q=%s"),
            new Page("exports", "/admin/exports.xhtml"));

    private final List<String> consoleErrors = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void everyAdminPageMeetsWcag21AAWithoutConsoleErrors(String language) {
        String number = Pbx.register();
        Pbx.activate(number, 33, Pbx.newHostId(), "a11y-pbx").then().statusCode(200);
        var accessibility = Accessibility.of(browser, "admin", language, Screen.DESKTOP);
        browser.go("/admin/login.xhtml");
        if ("en".equals(language)) {
            StaffLogin.inEnglish(browser);
        }
        browser.find("login:userName");
        noteConsoleErrors("login");
        accessibility.check("login");

        StaffLogin.logIn(browser, StaffLogin.ADMIN, StaffLogin.ADMIN_PASSWORD);
        for (Page page : PAGES) {
            browser.go(page.path().formatted(number));
            browser.find("nav:logout");
            noteConsoleErrors(page.name());
            accessibility.check(page.name());
        }
        accessibility.assertNoneFound();
        assertEquals(List.of(), consoleErrors, "errors in the browser's console (" + language + ")");
    }

    private void noteConsoleErrors(String page) {
        browser.consoleErrors().forEach(message -> consoleErrors.add(page + ": " + message));
    }

    private record Page(String name, String path) {
    }
}
