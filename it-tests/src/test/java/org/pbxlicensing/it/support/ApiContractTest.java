package org.pbxlicensing.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.ApiContract.Endpoint;
import org.pbxlicensing.it.support.ApiContract.Refusal;

/** Reading the contract's tables from a page written like docs/api.md. */
class ApiContractTest {

    private static final String PAGE = """
            # The HTTP API

            Text that mentions `GET /api/v1/nothing` and `404 NOT_A_ROW` outside the tables.

            ## Endpoints

            Paths are under `/licensing`.

            | method and path | what it does | success | refusals (besides 400, 413, 500) |
            |---|---|---|---|
            | `POST /api/v1/coupon-activations` | turn a coupon into a license. Idem. | `200` `{coupon, license}` | `404 REGISTRATION_NOT_FOUND`, `409 COUPON_ALREADY_ACTIVATED` (with `activatedAt`), `429 TOO_MANY_ATTEMPTS` |
            | `GET /api/v1/eula?feature=33` | the agreement in force (default 33) | `200` `{version, title}` | `404 NOT_FOUND` |
            | `DELETE /api/v1/sessions/{sessionId}` | release the session | `204` always | — |
            | `POST /api/v1/store/orders` | coupons of an order | `201` `{orderId}` | `401 UNAUTHORIZED` (with `WWW-Authenticate: Bearer`) |
            | `POST /entitlement` | LicenseV2 | `200` token | `403` signed refusal, `409` replay, `429 TOO_MANY_ATTEMPTS` |

            **The host's status**:

            | status | when |
            |---|---|
            | `LICENSED` | a paid license |

            ## Errors

            | status | code | meaning |
            |---|---|---|
            | 400 | `VALIDATION_FAILED` | the request is not valid; `errors` names each field |
            | 404 | `REGISTRATION_NOT_FOUND`, `NOT_FOUND` | no such registration or resource |
            | 409 | `COUPON_ALREADY_ACTIVATED` | the coupon was activated (`activatedAt`) |
            | 429 | `TOO_MANY_ATTEMPTS` | wait `Retry-After` seconds |

            ## Idempotency

            | status | code | meaning |
            |---|---|---|
            | 418 | `NOT_AN_ERROR_OF_THE_TABLE` | a later section |
            """;

    private final ApiContract contract = ApiContract.parse(PAGE);

    @Test
    void eachRowIsAnEndpointWithItsMethodPathAndSuccess() {
        assertEquals(List.of("post /api/v1/coupon-activations 200", "get /api/v1/eula 200",
                        "delete /api/v1/sessions/{sessionId} 204", "post /api/v1/store/orders 201", "post /entitlement 200"),
                contract.endpoints().stream().map(e -> e + " " + e.success()).toList());
    }

    @Test
    void everyStatusWithItsCodeIsARefusalAndProseAroundThemIsNot() {
        assertEquals(List.of(new Refusal(404, "REGISTRATION_NOT_FOUND"), new Refusal(409, "COUPON_ALREADY_ACTIVATED"),
                        new Refusal(429, "TOO_MANY_ATTEMPTS")),
                contract.endpoint("post", "/api/v1/coupon-activations").refusals());
        assertEquals(List.of(new Refusal(401, "UNAUTHORIZED")), contract.endpoint("post", "/api/v1/store/orders").refusals());
        assertEquals(List.of(), contract.endpoint("delete", "/api/v1/sessions/{sessionId}").refusals());
    }

    @Test
    void aStatusWithoutACodeIsAnAnswerOfTheProtocolNotAProblem() {
        Endpoint entitlement = contract.endpoint("post", "/entitlement");
        assertEquals(List.of(new Refusal(403, null), new Refusal(409, null), new Refusal(429, "TOO_MANY_ATTEMPTS")),
                entitlement.refusals());
        assertEquals(List.of(false, false, true), entitlement.refusals().stream().map(Refusal::isProblem).toList());
    }

    @Test
    void theQueryOfAnExampleIsNotPartOfThePath() {
        assertEquals(List.of(new Refusal(404, "NOT_FOUND")), contract.endpoint("get", "/api/v1/eula").refusals());
        assertEquals(null, contract.endpoint("get", "/api/v1/eula?feature=33"));
    }

    @Test
    void theStatusesBesidesTheListedRefusalsComeFromTheHeader() {
        assertEquals(Set.of(400, 413, 500), contract.generalStatuses());
    }

    @Test
    void theErrorsTableGivesTheStatusOfEveryCodeAndOnlyThatTable() {
        assertEquals(Map.of("VALIDATION_FAILED", 400, "REGISTRATION_NOT_FOUND", 404, "NOT_FOUND", 404,
                "COUPON_ALREADY_ACTIVATED", 409, "TOO_MANY_ATTEMPTS", 429), contract.errorCodes());
    }

    @Test
    void theProjectsOwnPageIsFoundAndRead() {
        ApiContract own = ApiContract.ofRepository();
        assertTrue(own.endpoint("post", "/api/v1/activations").refusals().contains(new Refusal(409, "SEATS_EXHAUSTED")),
                own.endpoints().toString());
        assertEquals(409, own.errorCodes().get("SEATS_EXHAUSTED"));
    }

    @Test
    void aPageWithoutTheEndpointTableIsRefusedNotReadAsEmpty() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> ApiContract.parse(PAGE.replace("| method and path |", "| path |")));
        assertTrue(refused.getMessage().contains("method and path"), refused.getMessage());
    }

    @Test
    void aCodeWithTwoStatusesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ApiContract.parse(
                PAGE.replace("| 429 | `TOO_MANY_ATTEMPTS` |", "| 429 | `TOO_MANY_ATTEMPTS`, `NOT_FOUND` |")));
    }
}
