package org.pbxlicensing.it.portal;

import static org.hamcrest.Matchers.containsStringIgnoringCase;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;

/** The portal's session cookie cannot be read by scripts nor sent by other sites' requests. */
@SystemTest
class SessionCookieIT {

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        RestAssured.given().redirects().follow(false).get(ServerUnderTest.BASE_URL + "/login.xhtml").then()
                .statusCode(200)
                .header("Set-Cookie", containsStringIgnoringCase("HttpOnly"))
                .header("Set-Cookie", containsStringIgnoringCase("SameSite=Lax"));
    }
}
