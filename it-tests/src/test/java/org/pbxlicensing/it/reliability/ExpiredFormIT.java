package org.pbxlicensing.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pbxlicensing.it.support.FacesClient;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.ServerLog;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * A form posted with a view state that its session does not hold (the session expired, or the value is
 * made up) is never an error page: the visitor lands on a fresh copy of the page, or on the login page when
 * the login of the session is gone, in their language, with a message that the page had expired. A page with
 * view parameters comes back with those it declares. The server logs one warning that names the page, no stack
 * trace, and never the posted view state.
 */
@SystemTest
class ExpiredFormIT {

    private static final Map<String, String> EXPIRED = Map.of(
            "ru", "Страница устарела (например, после долгого перерыва), поэтому форма не принята.",
            "en", "The page had expired (after a long pause, for example), so the form was not accepted.");
    private static final String LOGIN = "/login.xhtml";
    private static final String STAFF_LOGIN = "/admin/login.xhtml";
    private static final String OVERVIEW = "/portal/overview.xhtml";
    private static final String COUPONS = "/admin/coupons.xhtml";
    private static final String REGISTRATION = "/admin/registration.xhtml";
    private static final String EXPIRED_PAGE_LOG = "org.pbxlicensing.web.faces.ExpiredPage";

    /** A page, its form with what a visitor typed and the button they pressed, and the form of its language switch. */
    private record Form(String page, String form, Map<String, String> fields, String button, String languageForm) {

        Map<String, String> postedWith(String viewState) {
            var posted = new LinkedHashMap<String, String>();
            posted.put(form, form);
            posted.putAll(fields);
            posted.put(button, "");
            posted.put(FacesClient.VIEW_STATE, viewState);
            return posted;
        }

        @Override
        public String toString() {
            return page;
        }
    }

    private static final Form LOGIN_FORM = new Form(LOGIN, "login",
            Map.of("login:credential", "MIKO-00000-00000-00000-00000"), "login:submit", "nav");

    static Stream<Arguments> formsInBothLanguages() {
        List<Form> forms = List.of(
                LOGIN_FORM,
                new Form("/register.xhtml", "registration", Map.of("registration:company", "ООО Устаревшая форма",
                        "registration:contactPerson", "Анна Смирнова", "registration:email", "late@example.com"),
                        "registration:submit", "nav"),
                new Form("/forgot.xhtml", "forgot", Map.of("forgot:email", "late@example.com"), "forgot:submit", "nav"),
                new Form(STAFF_LOGIN, "login", Map.of("login:userName", "late", "login:password", "not-sent"),
                        "login:submit", "lang"),
                new Form(OVERVIEW, "coupon", Map.of("coupon:code", "MIKOUPD-00000-00000-00000-00000"),
                        "coupon:activate", "nav"));
        return forms.stream().flatMap(form -> Stream.of(Arguments.of(form, "ru"), Arguments.of(form, "en")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("formsInBothLanguages")
    void aFormWithAMadeUpViewStateLandsOnItsOwnPageSayingItExpired(Form form, String language) {
        var visitor = new FacesClient();
        if (form.page().startsWith("/portal/")) {
            assertEquals(302, visitor.logInToPortal(Pbx.register()).statusCode());
        }
        visitor.get(form.page());
        choose(visitor, form, language);
        String viewState = "-" + Math.abs(TestData.unique().hashCode()) + ":" + TestData.unique();
        String requestId = "expired-" + TestData.unique();
        var log = ServerLog.fromNow();

        visitor.tagRequests(requestId);
        var answer = visitor.post(form.page(), form.postedWith(viewState));
        visitor.tagRequests(null);

        assertTrue(answer.statusCode() < 500, "answered " + answer.statusCode());
        var landed = visitor.follow(answer);
        assertEquals(200, landed.statusCode());
        assertEquals(page(form.page()), pathOf(landed));
        assertTrue(landed.body().contains(EXPIRED.get(language)), "the page says it had expired, in " + language);
        assertEquals(requestId, requestIdOf(assertLoggedAsOneWarning(log, form.page(), viewState)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"made-up", "-1234567890:987654321", "stateless", ""})
    void anyMadeUpViewStateOnTheLoginPageLandsThereOnce(String viewState) {
        var visitor = new FacesClient();
        visitor.get(LOGIN);
        var log = ServerLog.fromNow();

        var answer = visitor.post(LOGIN, LOGIN_FORM.postedWith(viewState));

        assertEquals(302, answer.statusCode());
        URI fresh = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
        assertEquals(page(LOGIN) + "?expired=true", fresh.getPath() + "?" + fresh.getQuery());
        var landed = visitor.get(LOGIN + "?expired=true");
        assertEquals(200, landed.statusCode(), "the fresh login page is no redirect again");
        assertTrue(landed.body().contains(EXPIRED.get("ru")));
        assertLoggedAsOneWarning(log, LOGIN, "jakarta.faces.ViewState=" + viewState);
    }

    @Test
    void aPortalFormWhoseSessionIsGoneLandsOnTheLoginPageInTheCustomersLanguage() {
        var customer = new FacesClient();
        customer.logInToPortal(Pbx.register());
        customer.get(OVERVIEW);
        var inEnglish = customer.post(OVERVIEW, Map.of("nav", "nav", "nav:en", "nav:en"));
        String viewState = FacesClient.viewState(inEnglish.body()).orElseThrow();
        customer.loseSession();
        String requestId = "expired-" + TestData.unique();
        var log = ServerLog.fromNow();

        customer.tagRequests(requestId);
        var answer = customer.post(OVERVIEW, Map.of("coupon", "coupon",
                "coupon:code", "MIKOUPD-00000-00000-00000-00000", "coupon:activate", ""));
        customer.tagRequests(null);

        assertEquals(302, answer.statusCode());
        var landed = customer.follow(answer);
        assertEquals(page(LOGIN), pathOf(landed));
        assertTrue(landed.body().contains(EXPIRED.get("en")), "the login page says the page had expired, in English");
        assertEquals(requestId, requestIdOf(assertLoggedAsOneWarning(log, OVERVIEW, viewState)));
    }

    @Test
    void anAdminFormWhoseStaffSessionIsGoneLandsOnTheStaffLoginSayingItExpired() {
        var staff = loggedInStaff();
        String viewState = FacesClient.viewState(staff.get(COUPONS).body()).orElseThrow();
        staff.loseSession();
        var log = ServerLog.fromNow();

        var answer = staff.post(COUPONS, Map.of("coupons", "coupons", "coupons:filter", ""));

        assertEquals(302, answer.statusCode());
        var landed = staff.follow(answer);
        assertEquals(page(STAFF_LOGIN), pathOf(landed));
        assertTrue(landed.body().contains(EXPIRED.get("ru")));
        // The staff login answers before the request is given its id (by the first servlet filter): no id to compare.
        assertLoggedAsOneWarning(log, COUPONS, viewState);
    }

    @Test
    void aRegistrationsPageComesBackWithItsRegistrationAndNothingElseOfTheAddress() {
        String number = Pbx.register();
        var staff = loggedInStaff();
        String action = FacesClient.formAction(staff.get(REGISTRATION + "?number=" + number).body(), "reg");
        assertEquals(REGISTRATION + "?number=" + number, action, "the page's forms post to its own address");
        var log = ServerLog.fromNow();

        var answer = staff.post(action + "&theme=dark", Map.of("reg", "reg", FacesClient.VIEW_STATE, "made-up"));

        assertEquals(302, answer.statusCode());
        URI fresh = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
        assertEquals(page(REGISTRATION) + "?number=" + number + "&expired=true", fresh.getPath() + "?" + fresh.getQuery());
        var landed = staff.follow(answer);
        assertTrue(landed.body().contains(number), "the registration's page, not one that finds nothing");
        assertFalse(landed.body().contains("id=\"notFound\""), landed.body());
        assertTrue(landed.body().contains(EXPIRED.get("ru")));
        assertLoggedAsOneWarning(log, REGISTRATION, "jakarta.faces.ViewState=made-up");
        assertFalse(log.text().contains(number), "the registration number is in the log");
    }

    @Test
    void anAjaxPostWithAMadeUpViewStateIsSentToAFreshPage() {
        var staff = loggedInStaff();
        staff.get(COUPONS);
        var log = ServerLog.fromNow();

        var answer = staff.ajaxPost(COUPONS, "coupons", "coupons:filter", Map.of(FacesClient.VIEW_STATE, "made-up"));

        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("<redirect url=\"" + page(COUPONS) + "?expired=true\""), answer.body());
        var landed = staff.follow(answer);
        assertEquals(page(COUPONS), pathOf(landed));
        assertTrue(landed.body().contains(EXPIRED.get("ru")));
        assertLoggedAsOneWarning(log, COUPONS, "jakarta.faces.ViewState=made-up");
    }

    @Test
    void anAjaxPostOfAnAdminPageWhoseStaffSessionIsGoneIsSentToTheStaffLogin() {
        var staff = loggedInStaff();
        String viewState = FacesClient.viewState(staff.get(COUPONS).body()).orElseThrow();
        staff.loseSession();
        var log = ServerLog.fromNow();

        var answer = staff.ajaxPost(COUPONS, "coupons", "coupons:filter", Map.of());

        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("<redirect url=\"" + page(STAFF_LOGIN) + "?expired=true\""), answer.body());
        var landed = staff.follow(answer);
        assertEquals(page(STAFF_LOGIN), pathOf(landed));
        assertTrue(landed.body().contains(EXPIRED.get("ru")));
        assertLoggedAsOneWarning(log, COUPONS, viewState);
    }

    /** Switches the pages to the language as a visitor does, with the switch of the page's header. */
    private static void choose(FacesClient visitor, Form form, String language) {
        if (language.equals("ru")) {
            return;
        }
        String link = form.languageForm() + ":" + language;
        var page = visitor.post(form.page(), Map.of(form.languageForm(), form.languageForm(), link, link));
        assertEquals(200, page.statusCode());
    }

    private static FacesClient loggedInStaff() {
        String password = "expired-form-" + TestData.unique();
        String name = StaffLogin.createUser("SUPPORT", password);
        var staff = new FacesClient();
        assertEquals(302, staff.logInToAdmin(name, password).statusCode());
        return staff;
    }

    /**
     * Since the log's mark: exactly one warning about an expired page, naming the page; no stack trace and no
     * error at all; never the posted view state. Answers the warning.
     */
    private static JsonNode assertLoggedAsOneWarning(ServerLog log, String page, String viewState) {
        Poll.until("the warning about " + page, Duration.ofSeconds(15), () -> warnings(log).isEmpty() ? null : true);
        List<JsonNode> warnings = warnings(log);
        assertEquals(1, warnings.size(), "warnings: " + warnings);
        assertTrue(warnings.get(0).path("message").asText().contains("A form of " + page + " "), warnings.toString());
        for (JsonNode line : log.lines()) {
            assertFalse(line.has("stackTrace") || line.has("exception"), "a stack trace in the log: " + line);
            assertFalse(line.path("level").asText().matches("ERROR|SEVERE"), "an error in the log: " + line);
        }
        assertFalse(log.text().contains(viewState), "the posted view state is in the log");
        return warnings.get(0);
    }

    private static List<JsonNode> warnings(ServerLog log) {
        return log.lines().stream()
                .filter(line -> line.path("loggerName").asText().equals(EXPIRED_PAGE_LOG))
                .filter(line -> line.path("level").asText().startsWith("WARN"))
                .toList();
    }

    private static String requestIdOf(JsonNode line) {
        return line.path("mdc").path("requestId").asText();
    }

    private static String page(String path) {
        return URI.create(ServerUnderTest.BASE_URL).getPath() + path;
    }

    private static String pathOf(HttpResponse<String> answer) {
        return answer.uri().getPath();
    }
}
