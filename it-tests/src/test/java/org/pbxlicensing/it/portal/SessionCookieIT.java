package org.pbxlicensing.it.portal;

import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.not;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;

/**
 * The portal's session cookie cannot be read by scripts nor sent by other sites' requests, and
 * travels only over HTTPS when the customer came over HTTPS (here through the trusted reverse proxy
 * of the test setup, which says so in {@code X-Forwarded-Proto}).
 */
@SystemTest
class SessionCookieIT {

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        RestAssured.given().redirects().follow(false).get(ServerUnderTest.BASE_URL + "/login.xhtml").then()
                .statusCode(200)
                .header("Set-Cookie", containsStringIgnoringCase("HttpOnly"))
                .header("Set-Cookie", containsStringIgnoringCase("SameSite=Lax"));
    }

    @Test
    void theSessionCookieIsSecureWhenTheCustomerCameOverHttps() {
        RestAssured.given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .get(ServerUnderTest.BASE_URL + "/login.xhtml").then()
                .statusCode(200)
                .header("Set-Cookie", containsStringIgnoringCase("; Secure"))
                .header("Set-Cookie", containsStringIgnoringCase("HttpOnly"))
                .header("Set-Cookie", containsStringIgnoringCase("SameSite=Lax"));
    }

    @Test
    void overPlainHttpTheCookieStaysUsable() {
        RestAssured.given().redirects().follow(false).header("X-Forwarded-Proto", "http")
                .get(ServerUnderTest.BASE_URL + "/login.xhtml").then()
                .statusCode(200)
                .header("Set-Cookie", not(containsStringIgnoringCase("Secure")));
    }
}
