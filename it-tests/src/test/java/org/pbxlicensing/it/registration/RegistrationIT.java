package org.pbxlicensing.it.registration;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

@SystemTest
class RegistrationIT {

    static final String CANONICAL = "^MIKO-[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$";

    @Test
    void registrationGivesACanonicalNumberAndAThirtyDayTrialOfAskoziaPbx() {
        Instant before = Instant.now();
        Response answer = api().body(TestData.registrationForm()).post("/registrations");

        answer.then()
                .statusCode(201)
                .contentType(startsWith("application/json"))
                .body("registrationNumber", matchesPattern(CANONICAL))
                .body("license.feature", equalTo(33))
                .body("license.kind", equalTo("TRIAL"))
                .body("license.seats", equalTo(1));
        Instant expiresAt = Instant.parse(answer.path("license.expiresAt"));
        Duration fromThirtyDays = Duration.between(before.plus(Duration.ofDays(30)), expiresAt).abs();
        assertTrue(fromThirtyDays.compareTo(Duration.ofMinutes(2)) < 0, "trial ends 30 days from now: " + expiresAt);
    }

    @Test
    void registrationForAnotherProductGivesItsTrial() {
        var form = TestData.registrationForm();
        form.put("feature", 34);
        api().body(form).post("/registrations").then()
                .statusCode(201)
                .body("license.feature", equalTo(34))
                .body("license.kind", equalTo("TRIAL"));
    }

    @ParameterizedTest(name = "{0} = {1} is refused with {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "company       | NULL                       | REQUIRED",
            "company       | '   '                      | REQUIRED",
            "contactPerson | NULL                       | REQUIRED",
            "email         | NULL                       | REQUIRED",
            "email         | not-an-email               | INVALID_FORMAT",
            "email         | a@b                        | INVALID_FORMAT",
            "email         | two@@example.com           | INVALID_FORMAT",
            "phone         | call me                    | INVALID_FORMAT",
            "phone         | +7 12                      | INVALID_FORMAT",
            "taxId         | 77<script>                 | INVALID_FORMAT",
    })
    void everyInvalidFieldIsNamedWithItsCode(String field, String value, String code) {
        var form = TestData.registrationForm();
        form.put(field, value);
        api().body(form).post("/registrations").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.find { it.field == '" + field + "' }.code", equalTo(code))
                .body("errors.find { it.field == '" + field + "' }.message", notNullValue());
    }

    @Test
    void fieldsLongerThanTheirLimitAreRefused() {
        var form = TestData.registrationForm();
        form.put("company", "x".repeat(201));
        form.put("city", "y".repeat(101));
        api().body(form).post("/registrations").then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("company", "city"))
                .body("errors.code", containsInAnyOrder("TOO_LONG", "TOO_LONG"));
    }

    @Test
    void consentIsRequired() {
        var form = TestData.registrationForm();
        form.remove("consent");
        api().body(form).post("/registrations").then()
                .statusCode(400)
                .body("errors.find { it.field == 'consent' }.code", equalTo("CONSENT_REQUIRED"));
        form.put("consent", false);
        api().body(form).post("/registrations").then()
                .statusCode(400)
                .body("errors.find { it.field == 'consent' }.code", equalTo("CONSENT_REQUIRED"));
    }

    @Test
    void unknownFeatureAndWrongTypesAreFieldErrors() {
        var form = TestData.registrationForm();
        form.put("feature", 999);
        api().body(form).post("/registrations").then()
                .statusCode(400)
                .body("errors.find { it.field == 'feature' }.code", equalTo("UNKNOWN_FEATURE"));

        form.put("feature", "thirty-three");
        form.put("company", 42);
        form.put("consent", "yes");
        api().body(form).post("/registrations").then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("feature", "company", "consent"))
                .body("errors.code", hasItem("INVALID_TYPE"));
    }

    @Test
    void allErrorsOfAFormComeInOneAnswer() {
        api().body(Map.of("consent", false)).post("/registrations").then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("company", "contactPerson", "email", "consent"));
    }

    @Test
    void titlesAreRussianByDefaultAndEnglishOnRequest() {
        var form = TestData.registrationForm();
        form.remove("email");
        api().body(form).post("/registrations").then()
                .statusCode(400)
                .body("title", equalTo("Запрос содержит ошибки"))
                .body("errors[0].message", equalTo("Обязательное поле"));
        api().header("Accept-Language", "en-US,en;q=0.9").body(form).post("/registrations").then()
                .statusCode(400)
                .body("title", equalTo("The request is not valid"))
                .body("errors[0].message", equalTo("Required"));
    }

    @Test
    void anEmailBelongsToOneCompany() {
        var first = TestData.registrationForm();
        api().body(first).post("/registrations").then().statusCode(201);

        var otherCompany = TestData.registrationForm();
        otherCompany.put("email", ((String) first.get("email")).toUpperCase());
        api().body(otherCompany).post("/registrations").then()
                .statusCode(409)
                .body("code", equalTo("EMAIL_REGISTERED_TO_OTHER_COMPANY"));

        var sameCompanyOtherSpelling = TestData.registrationForm();
        sameCompanyOtherSpelling.put("email", first.get("email"));
        sameCompanyOtherSpelling.put("company", "  " + ((String) first.get("company")).toLowerCase() + ". ");
        api().body(sameCompanyOtherSpelling).post("/registrations").then().statusCode(201);
    }

    @Test
    void aRefusedRegistrationWritesNothing() {
        var first = TestData.registrationForm();
        api().body(first).post("/registrations").then().statusCode(201);
        var otherCompany = TestData.registrationForm();
        otherCompany.put("email", first.get("email"));
        api().body(otherCompany).post("/registrations").then().statusCode(409);

        assertEquals(0, Database.count("SELECT COUNT(*) FROM registration WHERE company = ?",
                otherCompany.get("company")));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM registration WHERE email = ?", first.get("email")));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReplaysTheFirstAnswer() {
        var form = TestData.registrationForm();
        String key = "reg-" + TestData.unique();
        String number = api().header("Idempotency-Key", key).body(form).post("/registrations")
                .then().statusCode(201).extract().path("registrationNumber");

        api().header("Idempotency-Key", key).body(form).post("/registrations").then()
                .statusCode(201)
                .body("registrationNumber", equalTo(number));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM registration WHERE email = ?", form.get("email")));

        form.put("city", "Казань");
        api().header("Idempotency-Key", key).body(form).post("/registrations").then()
                .statusCode(409)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }
}
