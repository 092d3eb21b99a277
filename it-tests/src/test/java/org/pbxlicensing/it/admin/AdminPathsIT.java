package org.pbxlicensing.it.admin;

import static org.hamcrest.Matchers.endsWith;

import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;

/**
 * The admin area asks for the staff login however its path is spelt, through the JSON API's path
 * too, whose own requests skip the staff login mechanism.
 */
@SystemTest
class AdminPathsIT {

    @ParameterizedTest
    @ValueSource(strings = {"/admin/index.xhtml", "/admin;x=1/index.xhtml", "/api/../admin/index.xhtml",
            "/api/v1/../../admin/registrations.xhtml", "/admin/staff.xhtml"})
    void anAnonymousVisitOfTheAdminAreaIsSentToTheStaffLogin(String path) {
        RestAssured.given()
                .config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .urlEncodingEnabled(false)
                .get(ServerUnderTest.BASE_URL + path).then()
                .statusCode(302)
                .header("Location", endsWith("/admin/login.xhtml"));
    }
}
