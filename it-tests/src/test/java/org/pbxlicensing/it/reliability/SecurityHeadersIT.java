package org.pbxlicensing.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.licensev2.EntitlementEndpoint;
import org.pbxlicensing.it.support.FacesClient;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;

/**
 * Every page (portal, admin area, error pages), logged in or not, tells the browser not to let another
 * site frame it, not to run scripts the page did not send with its nonce, not to sniff its type and
 * not to leak its address to other sites; over HTTPS also to stay on HTTPS. The JSON API and LicenseV2
 * answers, errors included, are never sniffed.
 */
@SystemTest
class SecurityHeadersIT {

    /** The policy of every page; on pages PrimeFaces rendered, its script nonce follows {@code script-src 'self'}. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; script-src 'self'";
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final List<String> PORTAL_PAGES = List.of("/login.xhtml", "/register.xhtml", "/forgot.xhtml");
    private static final List<String> CUSTOMER_PAGES =
            List.of("/portal/overview.xhtml", "/portal/monitor.xhtml", "/portal/offline.xhtml");
    private static final List<String> ADMIN_PAGES = List.of("/admin/index.xhtml", "/admin/registrations.xhtml",
            "/admin/bindings.xhtml", "/admin/coupons.xhtml", "/admin/mint.xhtml", "/admin/features.xhtml",
            "/admin/eulas.xhtml", "/admin/audit.xhtml", "/admin/staff.xhtml", "/admin/account.xhtml");

    @Test
    void thePortalsPagesForAVisitorCarryThemAll() {
        for (String page : PORTAL_PAGES) {
            assertRenderedPage(page, page().get(ServerUnderTest.BASE_URL + page));
        }
    }

    @Test
    void theCustomersOwnPagesCarryThemAll() {
        var customer = new FacesClient();
        assertEquals(302, customer.logInToPortal(Pbx.register()).statusCode());
        for (String page : CUSTOMER_PAGES) {
            assertRenderedPage(page, page().cookie("JSESSIONID", customer.sessionCookie()).get(ServerUnderTest.BASE_URL + page));
        }
    }

    @Test
    void theAdminPagesCarryThemAllBeforeAndAfterTheStaffLogin() {
        // The staff login sends a visitor to its page before any filter runs; a redirect renders nothing, the page it names does.
        for (String page : ADMIN_PAGES) {
            Response toLogin = page().get(ServerUnderTest.BASE_URL + page);
            assertEquals(302, toLogin.statusCode(), page);
            assertTrue(toLogin.header("Location").endsWith("/admin/login.xhtml"), page + " -> " + toLogin.header("Location"));
        }
        assertRenderedPage("/admin/login.xhtml", page().get(ServerUnderTest.BASE_URL + "/admin/login.xhtml"));

        var admin = new FacesClient();
        assertEquals(302, admin.logInToAdmin(StaffLogin.ADMIN, StaffLogin.ADMIN_PASSWORD).statusCode());
        String number = Pbx.register();
        for (String page : Stream.concat(ADMIN_PAGES.stream(), Stream.of("/admin/registration.xhtml?number=" + number)).toList()) {
            assertRenderedPage(page, page().cookie("JSESSIONID", admin.sessionCookie()).get(ServerUnderTest.BASE_URL + page));
        }
    }

    @Test
    void errorPagesCarryThemAll() {
        Response missing = page().get(ServerUnderTest.BASE_URL + "/no-such-page");
        assertEquals(404, missing.statusCode());
        assertPageHeaders("a missing path", missing);

        Response missingView = page().get(ServerUnderTest.BASE_URL + "/no-such-view.xhtml");
        assertEquals(404, missingView.statusCode());
        assertPageHeaders("a missing view", missingView);

        Response errorPage = page().get(ServerUnderTest.BASE_URL + "/problem");
        assertEquals(404, errorPage.statusCode(), "the error servlet is no page of its own");
        assertTrue(errorPage.contentType().startsWith("text/html"), errorPage.contentType());
        assertPageHeaders("the error servlet", errorPage);
    }

    @Test
    void theErrorPageOfAFormRefusedBeforeAnyFilterRanCarriesThemAll() {
        // A form of more fields than the server reads (1000) is refused before the application's filters run, so
        // the headers can only come from the error page. No request from outside reaches a 500 any more.
        Map<String, String> tooManyFields = new HashMap<>();
        for (int field = 0; field <= 1000; field++) {
            tooManyFields.put("field" + field, "x");
        }
        Response refused = page().contentType("application/x-www-form-urlencoded").formParams(tooManyFields)
                .post(ServerUnderTest.BASE_URL + "/login.xhtml");
        assertEquals(413, refused.statusCode());
        assertTrue(refused.contentType().startsWith("text/html"), refused.contentType());
        assertPageHeaders("the error page of a refused form", refused);
    }

    @Test
    void overHttpsPagesAlsoTellTheBrowserToStayOnHttps() {
        Response secure = page().header("X-Forwarded-Proto", "https").get(ServerUnderTest.BASE_URL + "/login.xhtml");
        assertEquals(200, secure.statusCode());
        assertEquals("max-age=31536000", secure.header("Strict-Transport-Security"));

        Response secureError = page().header("X-Forwarded-Proto", "https").get(ServerUnderTest.BASE_URL + "/no-such-page");
        assertEquals("max-age=31536000", secureError.header("Strict-Transport-Security"));
    }

    @Test
    void apiAndLicenseV2AnswersAreNeverSniffedErrorsIncluded() {
        assertNoSniff("ping", api().get("/ping"), 200);
        Response missing = api().get("/no-such-resource");
        assertNoSniff("a missing resource", missing, 404);
        assertTrue(missing.contentType().startsWith("application/problem+json"), missing.contentType());
        assertNoSniff("malformed JSON", api().body("{not json").post("/registrations"), 400);
        assertNoSniff("an unsigned LicenseV2 request", EntitlementEndpoint.request()
                .body("not signed".getBytes(StandardCharsets.UTF_8)).post(EntitlementEndpoint.URL), 400);
    }

    /** A page the portal or admin area rendered, with scripts. */
    private static void assertRenderedPage(String page, Response answer) {
        assertEquals(200, answer.statusCode(), page);
        assertTrue(NONCE.matcher(answer.body().asString()).find(), page + " has no script with a nonce");
        assertPageHeaders(page, answer);
    }

    /**
     * The headers of every page: the policy as it is on a page without scripts, PrimeFaces' policy with
     * the nonce of the page's scripts on a page it rendered.
     */
    private static void assertPageHeaders(String page, Response answer) {
        Matcher nonces = NONCE.matcher(answer.body().asString());
        String policy = POLICY;
        if (nonces.find()) {
            String nonce = nonces.group(1);
            while (nonces.find()) {
                assertEquals(nonce, nonces.group(1), page + ": every script carries the page's nonce");
            }
            policy = POLICY + " 'nonce-" + nonce + "';";
        }
        assertEquals(List.of(policy), answer.headers().getValues("Content-Security-Policy"), page);
        assertEquals(List.of("DENY"), answer.headers().getValues("X-Frame-Options"), page);
        assertEquals(List.of("nosniff"), answer.headers().getValues("X-Content-Type-Options"), page);
        assertEquals(List.of("same-origin"), answer.headers().getValues("Referrer-Policy"), page);
        assertNull(answer.header("Strict-Transport-Security"), page + " came over plain HTTP");
    }

    private static void assertNoSniff(String what, Response answer, int status) {
        assertEquals(status, answer.statusCode(), what);
        assertEquals(List.of("nosniff"), answer.headers().getValues("X-Content-Type-Options"), what);
    }

    /** A browser's request for a page, redirects not followed. */
    private static RequestSpecification page() {
        return RestAssured.given().redirects().follow(false).header("X-Forwarded-For", ServerUnderTest.randomClientAddress());
    }
}
