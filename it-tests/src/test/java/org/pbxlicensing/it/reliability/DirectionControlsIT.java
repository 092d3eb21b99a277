package org.pbxlicensing.it.reliability;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.FacesClient;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * Text with Unicode direction controls, which shows in another order than it is stored, is refused
 * over the API and on the portal's form; rows stored before that refusal are shown with each control
 * as U+FFFD, in full pages and in Ajax updates of the admin area.
 */
@SystemTest
class DirectionControlsIT {

    /** Shows as {@code ACMEexe.lper}: the override reverses what follows it. */
    private static final String SPOOF = "ACME\u202Erepl.exe";
    private static final String SHOWN = "ACME\uFFFDrepl.exe";
    private static final Pattern ANY_CONTROL = Pattern.compile("[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"company", "contactPerson", "country", "city"})
    void aRegistrationWithADirectionControlIsRefusedOverTheApiWithTheFieldNamed(String field) {
        var form = TestData.registrationForm();
        form.put(field, SPOOF);
        api().body(form).post("/registrations").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.find { it.field == '" + field + "' }.code", equalTo("INVALID_FORMAT"));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM registration WHERE email = ?", form.get("email")));
    }

    @Test
    void theRegistrationFormShowsTheRefusalOnTheFieldAndStoresNothing() {
        String email = "spoof-" + TestData.unique() + "@example.com";
        var portal = new FacesClient();
        HttpResponse<String> page = portal.submit("/register.xhtml", "registration", Map.of(
                "registration:company", SPOOF, "registration:contactPerson", "Иван Петров",
                "registration:email", email, "registration:consent", "on"), "registration:submit");

        assertEquals(200, page.statusCode());
        assertTrue(messageOn(page.body(), "registration:company").contains("Неверный формат"),
                messageOn(page.body(), "registration:company"));
        assertEquals("", messageOn(page.body(), "registration:email"));
        assertFalse(page.body().contains("id=\"number\""), "the form registered");
        assertFalse(ANY_CONTROL.matcher(page.body()).find(), "the page shows a direction control raw");
        assertEquals(0, Database.count("SELECT COUNT(*) FROM registration WHERE email = ?", email));
    }

    @Test
    void anActivationWithADirectionControlInTheHostNameIsRefused() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, 33, host, "office\u2067pbx\u2069").then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.find { it.field == 'host.name' }.code", equalTo("INVALID_FORMAT"));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM host_binding WHERE host_id = ?", host));
    }

    @Test
    void rowsStoredBeforeTheRefusalAreShownWithTheControlsVisible() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, 33, host, "office-pbx").then().statusCode(200);
        String company = SPOOF + " " + TestData.unique();
        Database.execute("UPDATE registration SET company = ?, contact_person = ? WHERE number = ?",
                company, "Ivan\u200F Petrov", number);
        Database.execute("UPDATE host_binding SET host_name = ? WHERE host_id = ?", "office\u2066pbx\u2069", host);

        var admin = new FacesClient();
        assertEquals(302, admin.logInToAdmin(StaffLogin.ADMIN, StaffLogin.ADMIN_PASSWORD).statusCode());
        String registrationPage = admin.get("/admin/registration.xhtml?number=" + number).body();
        assertTrue(registrationPage.contains(SHOWN), "the company is not shown with U+FFFD");
        assertTrue(registrationPage.contains("Ivan\uFFFD Petrov"), "the contact is not shown with U+FFFD");
        assertTrue(registrationPage.contains("office\uFFFDpbx\uFFFD"), "the host name is not shown with U+FFFD");
        assertFalse(ANY_CONTROL.matcher(registrationPage).find(), "the registration page shows a direction control raw");

        admin.get("/admin/registrations.xhtml");
        String results = admin.ajaxPost("/admin/registrations.xhtml", "search:submit", "search", "search:results",
                Map.of("search", "search", "search:text", number)).body();
        assertTrue(results.contains(SHOWN), "the search results do not show the company with U+FFFD: " + results);
        assertFalse(ANY_CONTROL.matcher(results).find(), "the search results show a direction control raw");

        var customer = new FacesClient();
        customer.logInToPortal(number);
        String overview = customer.get("/portal/overview.xhtml").body();
        assertTrue(overview.contains(SHOWN), "the portal does not show the company with U+FFFD");
        assertFalse(ANY_CONTROL.matcher(overview).find(), "the portal shows a direction control raw");
    }

    /** The text of the Faces message the form shows after the field's input, empty when there is none. */
    private static String messageOn(String page, String clientId) {
        Matcher message = Pattern.compile(
                "id=\"" + Pattern.quote(clientId) + "\".*?<div[^>]*role=\"alert\"[^>]*>(.*?)</div>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(message.find(), "no message after " + clientId);
        return message.group(1).replaceAll("<[^>]*>", "").strip();
    }
}
