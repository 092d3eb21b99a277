package org.pbxlicensing.it.portal;

import static org.hamcrest.Matchers.endsWith;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;

/** The site's root, where a customer typing the server's address lands. */
@SystemTest
class SiteRootIT {

    @Test
    void theRootLeadsAVisitorToTheLoginPage() {
        RestAssured.given().redirects().follow(false).get(ServerUnderTest.BASE_URL + "/").then()
                .statusCode(302)
                .header("Location", endsWith("/login.xhtml"));
    }
}
