package org.pbxlicensing.it.eula;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pbxlicensing.it.support.ServerUnderTest.api;
import static org.pbxlicensing.it.support.ServerUnderTest.apiFrom;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

@SystemTest
class EulaIT {

    private static Response accept(String registrationNumber, String hostId, String version) {
        return accept(api(), registrationNumber, hostId, version);
    }

    private static Response accept(RequestSpecification request, String registrationNumber, String hostId,
            String version) {
        return request.body(Map.of("registrationNumber", registrationNumber, "hostId", hostId, "version", version))
                .post("/eula-acceptances");
    }

    private static String currentVersion(int feature) {
        return api().get("/eula?feature=" + feature).then().statusCode(200).extract().path("version");
    }

    /**
     * Writes a new version, effective a second ago, straight into the database, as another node of a
     * cluster or an operator would; the very next request must see it.
     */
    private static String publishNewVersion(int feature) {
        String version = "it-" + TestData.unique();
        Database.execute("""
                INSERT INTO eula_version (feature_number, version, published_at, title_ru, text_ru, title_en, text_en)
                VALUES (?, ?, UTC_TIMESTAMP(6) - INTERVAL 1 SECOND, 'Соглашение', 'Новый текст', 'Agreement',
                        'New text')""", feature, version);
        return version;
    }

    @Test
    void afterActivationTheAgreementMustBeAcceptedAndAgainWhenANewVersionIsPublished() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        String client = ServerUnderTest.randomClientAddress();
        String first = currentVersion(33);

        Pbx.activate(number, host).then()
                .statusCode(200)
                .body("eula.required", equalTo(true))
                .body("eula.version", equalTo(first))
                .body("features", hasSize(1));
        Pbx.check(number, host).then()
                .statusCode(200)
                .body("status", equalTo("TRIAL"))
                .body("features[0].number", equalTo(33))
                .body("eula.required", equalTo(true))
                .body("eula.version", equalTo(first));

        api().get("/eula?feature=33").then()
                .statusCode(200)
                .body("version", equalTo(first))
                .body("title", notNullValue())
                .body("text", notNullValue())
                .body("publishedAt", notNullValue());
        accept(apiFrom(client), number, host, first).then().statusCode(204);
        accept(number, host, first).then().statusCode(204);
        Pbx.check(number, host).then()
                .statusCode(200)
                .body("eula.required", equalTo(false))
                .body("eula.version", equalTo(first));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM eula_acceptance a
                JOIN registration r ON r.id = a.registration_id JOIN eula_version v ON v.id = a.eula_version_id
                WHERE r.number = ? AND a.host_id = ? AND v.version = ? AND v.feature_number = 33
                AND a.client_address = ? AND a.accepted_at IS NOT NULL""", number, host, first, client));

        String second = publishNewVersion(33);
        Pbx.check(number, host).then()
                .statusCode(200)
                .body("eula.required", equalTo(true))
                .body("eula.version", equalTo(second))
                .body("features", hasSize(1));

        accept(number, host, first).then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("EULA_VERSION_NOT_CURRENT"))
                .body("currentVersion", equalTo(second));
        accept(number, host, second).then().statusCode(204);
        Pbx.check(number, host).then().statusCode(200).body("eula.required", equalTo(false));
    }

    @Test
    void theAgreementComesInTheClientsLanguageRussianByDefault() {
        api().get("/eula?feature=31").then()
                .statusCode(200)
                .header("Content-Language", "ru")
                .body("feature", equalTo(31))
                .body("version", equalTo("1.0"))
                .body("title", equalTo("Лицензионное соглашение (образец)"))
                .body("text", startsWith("ОБРАЗЕЦ."))
                .body("publishedAt", equalTo("2026-01-01T00:00:00Z"));
        api().header("Accept-Language", "en-GB,en;q=0.8").get("/eula?feature=31").then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body("title", equalTo("End-user license agreement (sample)"))
                .body("text", startsWith("SAMPLE."));
    }

    @Test
    void withoutAFeatureTheAgreementOfAskoziaPbxIsMeant() {
        api().get("/eula").then().statusCode(200).body("feature", equalTo(33));
    }

    @Test
    void anUnknownFeatureOrOneWithoutAgreementIsNotFound() {
        api().get("/eula?feature=999").then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("NOT_FOUND"));
        api().get("/eula?feature=46").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aMalformedFeatureIsAValidationError() {
        api().get("/eula?feature=thirty-three").then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("feature"))
                .body("errors[0].code", equalTo("INVALID_FORMAT"));
    }

    @Test
    void aVersionPublishedForLaterIsNotInForceBeforeItsDate() {
        String now = currentVersion(32);
        String later = "later-" + TestData.unique();
        Database.execute("""
                INSERT INTO eula_version (feature_number, version, published_at, title_ru, text_ru, title_en, text_en)
                VALUES (32, ?, UTC_TIMESTAMP(6) + INTERVAL 10 DAY, 'Позже', 'Текст', 'Later', 'Text')""", later);

        assertEquals(later, api().header("X-Clock-Shift", "P11D").get("/eula?feature=32").then().statusCode(200)
                .extract().path("version"));
        assertEquals(now, currentVersion(32));
    }

    @Test
    void acceptanceNeedsAKnownRegistrationAndABoundHost() {
        accept("MIKO-00000-00000-00000-00000", "h", "1.0").then()
                .statusCode(404)
                .body("code", equalTo("REGISTRATION_NOT_FOUND"));
        String number = Pbx.register();
        accept(number, Pbx.newHostId(), currentVersion(33)).then()
                .statusCode(404)
                .body("code", equalTo("BINDING_NOT_FOUND"));
    }

    @Test
    void anAcceptanceNamesRegistrationHostAndVersion() {
        api().body(Map.of("hostId", "bad host id")).post("/eula-acceptances").then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", containsInAnyOrder("registrationNumber", "hostId", "version"));
    }

    @Test
    void aPendingAgreementWithholdsNoFeatureAndNoCertificate() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);
        Pbx.check(number, host).then()
                .statusCode(200)
                .body("eula.required", equalTo(true))
                .body("status", equalTo("TRIAL"))
                .body("features", hasSize(1))
                .body("certificate", notNullValue());
    }
}
