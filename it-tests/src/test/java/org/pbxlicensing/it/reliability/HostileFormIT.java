package org.pbxlicensing.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pbxlicensing.it.licensev2.MikoPbx;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.FacesClient;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerLog;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * Forms that no page of the portal or the admin area sends: more fields than the server reads, an upload cut off
 * before its closing boundary, a real view state with another page's script nonce, broken escapes, a charset
 * nobody knows, the view state twice, a page that does not exist. None is answered 5xx or leaves a stack trace in
 * the log. Each gets a 4xx page in the visitor's language, or the page again saying that the form was not taken;
 * no action runs and nothing is written; the log has one warning line at most.
 */
@SystemTest
class HostileFormIT {

    private static final Map<String, String> TOO_LARGE = Map.of("ru", "Слишком большая форма", "en", "The form is too large");
    private static final Map<String, String> NOT_READ = Map.of("ru", "Запрос не принят", "en", "The request was not accepted");
    private static final String NOT_FOUND = "Страница не найдена";
    private static final String EXPIRED = "Страница устарела (например, после долгого перерыва), поэтому форма не принята.";
    private static final String LOGIN = "/login.xhtml";
    private static final String STAFF_LOGIN = "/admin/login.xhtml";
    private static final String OVERVIEW = "/portal/overview.xhtml";
    private static final String MONITOR = "/portal/monitor.xhtml";
    private static final String OFFLINE = "/portal/offline.xhtml";
    private static final String COUPONS = "/admin/coupons.xhtml";
    private static final String REGISTRATION = "/admin/registration.xhtml";
    private static final String FORM_INTAKE_LOG = "org.pbxlicensing.web.intake.FormIntake";
    private static final String EXPIRED_PAGE_LOG = "org.pbxlicensing.web.faces.ExpiredPage";
    private static final String URL_ENCODED = "application/x-www-form-urlencoded";
    /** The threads in which the server answers requests. */
    private static final String REQUEST_THREAD = "default task-";
    private static final String BOUNDARY = "----hostile-form-" + TestData.unique();
    private static final List<String> HARDWARE = List.of("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc");

    static Stream<Arguments> pagesInBothLanguages() {
        // The login page; an admin page without a staff login, whose fields the login keeps; a customer's page.
        return Stream.of(LOGIN, COUPONS, OVERVIEW)
                .flatMap(page -> Stream.of(Arguments.of(page, "ru"), Arguments.of(page, "en")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("pagesInBothLanguages")
    void aFormOfMoreFieldsThanTheServerReadsIs413InTheVisitorsLanguage(String page, String language) {
        var visitor = speaking(language);
        if (page.startsWith("/portal/")) {
            assertEquals(302, visitor.logInToPortal(Pbx.register()).statusCode());
        }
        visitor.get(page);
        Map<String, String> fields = IntStream.rangeClosed(0, 1000).boxed()
                .collect(Collectors.toMap(field -> "field" + field, field -> "x"));
        var log = ServerLog.fromNow();

        var answer = visitor.post(page, fields);

        assertEquals(413, answer.statusCode());
        assertErrorPage(answer, TOO_LARGE.get(language));
        assertOneWarning(log, FORM_INTAKE_LOG, "A form posted to " + path(page) + " could not be read");
    }

    @Test
    void anUploadCutOffBeforeItsClosingBoundaryOnTheOfflinePageIs400AndAnswersNothing() {
        String number = Pbx.register();
        var customer = new FacesClient();
        assertEquals(302, customer.logInToPortal(number).statusCode());

        assertACutOffUploadIsRefusedAndTheWholeOneAnswered(customer, number, OFFLINE);
    }

    @Test
    void anUploadCutOffBeforeItsClosingBoundaryOnARegistrationsAdminPageIs400AndAnswersNothing() {
        String number = Pbx.register();

        assertACutOffUploadIsRefusedAndTheWholeOneAnswered(loggedInStaff("SUPPORT"), number,
                REGISTRATION + "?number=" + number);
    }

    @Test
    void aRealViewStateWithAnotherPagesNonceActivatesNoCoupon() {
        String number = Pbx.register();
        String coupon = Store.coupon(31, 1);
        var customer = new FacesClient();
        assertEquals(302, customer.logInToPortal(number).statusCode());
        String monitorsNonce = FacesClient.nonce(customer.get(MONITOR).body()).orElseThrow();
        String overview = customer.get(OVERVIEW).body();
        var activation = Map.of("coupon", "coupon", "coupon:code", coupon, "coupon:activate", "");
        var log = ServerLog.fromNow();

        var answer = customer.post(OVERVIEW, with(activation,
                FacesClient.VIEW_STATE, FacesClient.viewState(overview).orElseThrow(), FacesClient.NONCE, monitorsNonce));

        assertEquals(302, answer.statusCode());
        var landed = customer.follow(answer);
        assertEquals(path(OVERVIEW), landed.uri().getPath());
        assertTrue(landed.body().contains(EXPIRED), "the page says the form was not taken");
        assertOneWarning(log, EXPIRED_PAGE_LOG, "A form of " + OVERVIEW + " came with a script nonce");
        assertEquals(0, couponsActivatedBy(number), "the action did not run");

        customer.post(OVERVIEW, activation);
        assertEquals(1, couponsActivatedBy(number), "the same form posted from its own page activates the coupon");
    }

    @Test
    void aStaffLoginWithAnotherPagesNonceLogsNobodyIn() {
        var staff = new FacesClient();
        String loginPage = staff.get(STAFF_LOGIN).body();
        String portalsNonce = FacesClient.nonce(new FacesClient().get(LOGIN).body()).orElseThrow();
        var log = ServerLog.fromNow();

        var answer = staff.post(STAFF_LOGIN, with(Map.of("login", "login", "login:userName", StaffLogin.ADMIN,
                        "login:password", StaffLogin.ADMIN_PASSWORD, "login:submit", ""),
                FacesClient.VIEW_STATE, FacesClient.viewState(loginPage).orElseThrow(), FacesClient.NONCE, portalsNonce));

        assertEquals(302, answer.statusCode());
        URI fresh = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
        assertEquals(path(STAFF_LOGIN) + "?expired=true", fresh.getPath() + "?" + fresh.getQuery());
        assertOneWarning(log, EXPIRED_PAGE_LOG, "A form of " + STAFF_LOGIN + " came with a script nonce");
        var adminArea = staff.get("/admin/index.xhtml");
        assertEquals(302, adminArea.statusCode(), "nobody is logged in");
        assertTrue(adminArea.headers().firstValue("Location").orElseThrow().endsWith(STAFF_LOGIN));
    }

    @Test
    void anAjaxPostWithAnotherPagesNonceIsSentToAFreshPage() {
        var staff = loggedInStaff("VIEWER");
        String dashboardsNonce = FacesClient.nonce(staff.get("/admin/index.xhtml").body()).orElseThrow();
        staff.get(COUPONS);
        var log = ServerLog.fromNow();

        var answer = staff.ajaxPost(COUPONS, "coupons", "coupons:filter", Map.of(FacesClient.NONCE, dashboardsNonce));

        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("<redirect url=\"" + path(COUPONS) + "?expired=true\""), answer.body());
        assertTrue(staff.follow(answer).body().contains(EXPIRED));
        assertOneWarning(log, EXPIRED_PAGE_LOG, "A form of " + COUPONS + " came with a script nonce");
    }

    /** A post to the login page, made of the page a visitor just loaded, and the status it must get. */
    private record HostilePost(String name, String contentType, Function<String, String> body, int status) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<HostilePost> hostilePosts() {
        return Stream.of(
                new HostilePost("a text body that is no form", "text/plain", HostileFormIT::loginForm, 200),
                new HostilePost("a JSON body", "application/json", page -> "{\"login:credential\":\"x\"}", 200),
                new HostilePost("a multipart body with an empty boundary", "multipart/form-data; boundary=",
                        HostileFormIT::loginForm, 400),
                new HostilePost("a charset nobody knows", URL_ENCODED + "; charset=x-no-such-charset",
                        HostileFormIT::loginForm, 400),
                new HostilePost("a % that starts no escape", URL_ENCODED,
                        page -> loginForm(page) + "&login%3Acredential=%ZZ", 400),
                new HostilePost("a % at the very end", URL_ENCODED, page -> loginForm(page) + "&x=%", 400),
                new HostilePost("the view state twice, a made-up one first", URL_ENCODED,
                        page -> "jakarta.faces.ViewState=made-up&" + loginForm(page), 302),
                new HostilePost("the view state twice, the real one first", URL_ENCODED,
                        page -> loginForm(page) + "&jakarta.faces.ViewState=made-up", 200),
                new HostilePost("one field of 1.5 MB", URL_ENCODED,
                        page -> loginForm(page).replace("MIKO-00000-00000-00000-00000", "A".repeat(1_500_000)), 200),
                new HostilePost("PrimeFaces' Ajax parameter without the Ajax header", URL_ENCODED,
                        page -> loginForm(page) + "&jakarta.faces.partial.ajax=true", 200),
                new HostilePost("an Ajax post from a source that is no component", URL_ENCODED,
                        page -> loginForm(page) + "&jakarta.faces.partial.ajax=true&jakarta.faces.source=no%3Asuch"
                                + "&jakarta.faces.partial.execute=no%3Asuch&jakarta.faces.partial.render=%40all", 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePosts")
    void noHostilePostToAPageIsA5xxOrAStackTrace(HostilePost post) {
        var visitor = new FacesClient();
        String page = visitor.get(LOGIN).body();
        var log = ServerLog.fromNow();

        var answer = visitor.postBody(LOGIN, post.contentType(), post.body().apply(page).getBytes(StandardCharsets.UTF_8));

        assertEquals(post.status(), answer.statusCode(), answer.body());
        List<JsonNode> warnings = assertQuietLog(log);
        assertEquals(post.status() == 200 ? 0 : 1, warnings.size(), "warnings: " + warnings);
        if (post.status() == 400) {
            assertErrorPage(answer, NOT_READ.get("ru"));
        }
    }

    @ParameterizedTest(name = "with a {0} view state")
    @ValueSource(strings = {"real", "made-up"})
    void aFormPostedToAPageThatDoesNotExistIs404LikeItsGet(String which) {
        var visitor = new FacesClient();
        String viewState = which.equals("real") ? FacesClient.viewState(visitor.get(LOGIN).body()).orElseThrow()
                : "-1:made-up";
        var log = ServerLog.fromNow();

        var answer = visitor.post("/no-such-page.xhtml", Map.of("form", "form", FacesClient.VIEW_STATE, viewState));

        assertEquals(404, answer.statusCode());
        assertErrorPage(answer, NOT_FOUND);
        assertEquals(List.of(), assertQuietLog(log));
    }

    /**
     * Posts the page's offline form with a real request file, first cut off inside the file, before the closing
     * boundary: refused with 400, nothing answered or stored. Then the same upload whole: answered, so the first one
     * was refused for being cut off and for nothing else.
     */
    private static void assertACutOffUploadIsRefusedAndTheWholeOneAnswered(FacesClient visitor, String number,
            String page) {
        var pbx = new MikoPbx(number, HARDWARE);
        String loaded = visitor.get(page).body();
        String action = FacesClient.formAction(loaded, "offline");
        byte[] whole = offlineUpload(loaded, pbx.offlineRequest().body());
        byte[] cutOff = Arrays.copyOf(whole, whole.length - closingBoundary().length - 20);
        String type = "multipart/form-data; boundary=" + BOUNDARY;
        var log = ServerLog.fromNow();

        var refused = visitor.postBody(action, type, cutOff);

        assertEquals(400, refused.statusCode());
        assertErrorPage(refused, NOT_READ.get("ru"));
        assertOneWarning(log, FORM_INTAKE_LOG, "A form posted to " + path(URI.create(page).getPath()) + " could not be read");
        assertEquals(0, installations(pbx), "nothing was answered");

        var answered = visitor.postBody(action, type, whole);
        assertEquals(200, answered.statusCode());
        assertEquals(1, installations(pbx), "the whole upload is answered");
    }

    /** The offline form as the browser sends it: the form's fields, the page's view state and nonce, then the file. */
    private static byte[] offlineUpload(String page, byte[] requestFile) {
        var body = new ByteArrayOutputStream();
        var fields = Map.of("offline", "offline", "offline:submit", "",
                FacesClient.VIEW_STATE, FacesClient.viewState(page).orElseThrow(),
                FacesClient.NONCE, FacesClient.nonce(page).orElseThrow());
        fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"offline:file\"; "
                + "filename=\"license-request.txt\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(requestFile);
        body.writeBytes(closingBoundary());
        return body.toByteArray();
    }

    private static byte[] closingBoundary() {
        return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The login page's form as a browser encodes it, with the page's view state and script nonce. */
    private static String loginForm(String page) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("login", "login");
        fields.put("login:credential", "MIKO-00000-00000-00000-00000");
        fields.put("login:submit", "");
        fields.put(FacesClient.VIEW_STATE, FacesClient.viewState(page).orElseThrow());
        fields.put(FacesClient.NONCE, FacesClient.nonce(page).orElseThrow());
        return fields.entrySet().stream()
                .map(field -> encoded(field.getKey()) + "=" + encoded(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** A visitor who chose the language with the switch in the pages' header (Russian is the pages' own). */
    private static FacesClient speaking(String language) {
        var visitor = new FacesClient();
        visitor.get(LOGIN);
        if (language.equals("en")) {
            assertEquals(200, visitor.post(LOGIN, Map.of("nav", "nav", "nav:en", "nav:en")).statusCode());
        }
        return visitor;
    }

    private static FacesClient loggedInStaff(String role) {
        String password = "hostile-form-" + TestData.unique();
        String name = StaffLogin.createUser(role, password);
        var staff = new FacesClient();
        assertEquals(302, staff.logInToAdmin(name, password).statusCode());
        return staff;
    }

    /** The error page of a page's 4xx: HTML that says what happened in the visitor's language. */
    private static void assertErrorPage(HttpResponse<String> answer, String saying) {
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), answer.headers().toString());
        assertTrue(answer.body().contains(saying), answer.body());
    }

    /**
     * Since the log's mark, until everything the server logged for the requests since is in: no stack trace, no
     * error. Answers the warnings of the threads that answer requests (work in the background, a mail being
     * retried, logs from threads of its own).
     */
    private static List<JsonNode> assertQuietLog(ServerLog log) {
        List<JsonNode> lines = log.linesSettled();
        for (JsonNode line : lines) {
            assertFalse(line.has("stackTrace") || line.has("exception"), "a stack trace in the log: " + line);
            assertFalse(line.path("level").asText().matches("ERROR|SEVERE"), "an error in the log: " + line);
        }
        return lines.stream()
                .filter(line -> line.path("threadName").asText().startsWith(REQUEST_THREAD))
                .filter(line -> line.path("level").asText().startsWith("WARN"))
                .toList();
    }

    private static void assertOneWarning(ServerLog log, String logger, String saying) {
        List<JsonNode> warnings = assertQuietLog(log);
        assertEquals(1, warnings.size(), "warnings: " + warnings);
        assertEquals(logger, warnings.get(0).path("loggerName").asText());
        assertTrue(warnings.get(0).path("message").asText().contains(saying), warnings.toString());
    }

    private static long couponsActivatedBy(String number) {
        return Database.count("SELECT COUNT(*) FROM coupon c JOIN registration r ON r.id = c.activated_registration_id"
                + " WHERE r.number = ?", number);
    }

    private static long installations(MikoPbx pbx) {
        return Database.count("SELECT COUNT(*) FROM licensev2_installation WHERE install_id = ?", pbx.installId());
    }

    private static Map<String, String> with(Map<String, String> fields, String... more) {
        var all = new LinkedHashMap<>(fields);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The path of an application's page as the server sees it, context path included. */
    private static String path(String page) {
        return URI.create(ServerUnderTest.BASE_URL).getPath() + page;
    }
}
