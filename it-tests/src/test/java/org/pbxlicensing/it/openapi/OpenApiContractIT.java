package org.pbxlicensing.it.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;

/**
 * The OpenAPI document at {@code /openapi} against the HTTP contract (docs/api.md), written here as data:
 * every endpoint present, every error code declared on its operation, every error a problem, and
 * nothing in the document that the server does not serve.
 */
@SystemTest
class OpenApiContractIT {

    /** One row of the contract's endpoint table: the error codes it names, with the status of each. */
    record Endpoint(String method, String path, Map<String, Integer> errors) {
    }

    private static final List<Endpoint> CONTRACT = List.of(
            new Endpoint("post", "/api/v1/registrations",
                    Map.of("VALIDATION_FAILED", 400, "EMAIL_REGISTERED_TO_OTHER_COMPANY", 409, "IDEMPOTENCY_KEY_REUSED", 409)),
            new Endpoint("post", "/api/v1/activations", Map.of("REGISTRATION_NOT_FOUND", 404, "SEATS_EXHAUSTED", 409,
                    "TRIAL_ALREADY_USED", 409, "VALIDATION_FAILED", 400, "IDEMPOTENCY_KEY_REUSED", 409,
                    "TOO_MANY_ATTEMPTS", 429)),
            new Endpoint("post", "/api/v1/checks", Map.of("REGISTRATION_NOT_FOUND", 404, "TOO_MANY_ATTEMPTS", 429)),
            new Endpoint("delete", "/api/v1/registrations/{registrationNumber}/bindings/{hostId}",
                    Map.of("BINDING_NOT_FOUND", 404, "RESET_QUOTA_EXCEEDED", 429)),
            new Endpoint("get", "/api/v1/registrations/{registrationNumber}/bindings",
                    Map.of("REGISTRATION_NOT_FOUND", 404)),
            new Endpoint("post", "/api/v1/coupon-activations", Map.of("COUPON_NOT_FOUND", 404,
                    "COUPON_ALREADY_ACTIVATED", 409, "COUPON_REVOKED", 409, "TOO_MANY_ATTEMPTS", 429)),
            new Endpoint("get", "/api/v1/eula", Map.of()),
            new Endpoint("post", "/api/v1/eula-acceptances", Map.of("EULA_VERSION_NOT_CURRENT", 409)),
            new Endpoint("post", "/api/v1/registration-reminders", Map.of("VALIDATION_FAILED", 400)),
            new Endpoint("post", "/api/v1/sessions", Map.of("SEATS_EXHAUSTED", 409, "NOT_LICENSED", 409,
                    "IDEMPOTENCY_KEY_REUSED", 409)),
            new Endpoint("put", "/api/v1/sessions/{sessionId}", Map.of("SESSION_NOT_FOUND", 404)),
            new Endpoint("delete", "/api/v1/sessions/{sessionId}", Map.of()),
            new Endpoint("get", "/api/v1/keys", Map.of()),
            new Endpoint("post", "/api/v1/store/orders", Map.of("UNAUTHORIZED", 401)),
            new Endpoint("post", "/entitlement", Map.of()),
            new Endpoint("get", "/api/v1/ping", Map.of()));

    private static final List<String> CODES = List.of("VALIDATION_FAILED", "REGISTRATION_NOT_FOUND",
            "EMAIL_REGISTERED_TO_OTHER_COMPANY", "SEATS_EXHAUSTED", "TRIAL_ALREADY_USED", "BINDING_NOT_FOUND",
            "COUPON_NOT_FOUND", "COUPON_ALREADY_ACTIVATED", "COUPON_REVOKED", "EULA_VERSION_NOT_CURRENT",
            "SESSION_NOT_FOUND", "NOT_LICENSED", "RESET_QUOTA_EXCEEDED", "IDEMPOTENCY_KEY_REUSED", "TOO_MANY_ATTEMPTS",
            "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "METHOD_NOT_ALLOWED", "UNSUPPORTED_MEDIA_TYPE",
            "PAYLOAD_TOO_LARGE", "SERVICE_UNAVAILABLE", "INTERNAL_ERROR");

    /** LicenseV2's own answers (LICENSEV2.md): a signed refusal and a replay are JSON of the protocol, not problems. */
    private static final Set<String> PROTOCOL_ANSWERS = Set.of("post /entitlement 403", "post /entitlement 409");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String PROBLEM = "application/problem+json";

    private static Map<String, Object> document;

    @BeforeAll
    static void fetchTheDocument() {
        Response answer = RestAssured.given().get(URI.create(ServerUnderTest.BASE_URL).resolve("/openapi?format=JSON"));
        assertEquals(200, answer.statusCode());
        document = answer.jsonPath().getMap("$");
    }

    /** What client generators do first: a strict parser reads the served document, JSON and YAML alike, without a complaint. */
    @Test
    void aStrictOpenApiParserAcceptsTheServedDocument() {
        for (String format : List.of("JSON", "YAML")) {
            String served = RestAssured.given()
                    .get(URI.create(ServerUnderTest.BASE_URL).resolve("/openapi?format=" + format)).asString();
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served, null, options);
            assertEquals(List.of(), parsed.getMessages(), format + " document");
            assertNotNull(parsed.getOpenAPI(), format + " document");
            assertEquals("PBX licensing server", parsed.getOpenAPI().getInfo().getTitle());
        }
    }

    @Test
    void anotherSiteCannotReadTheDocumentWithTheVisitorsCredentials() {
        URI openapi = URI.create(ServerUnderTest.BASE_URL).resolve("/openapi");
        for (Response answer : List.of(
                RestAssured.given().header("Origin", "https://attacker.example").get(openapi),
                RestAssured.given().header("Origin", "https://attacker.example")
                        .header("Access-Control-Request-Method", "GET").options(openapi))) {
            assertEquals(null, answer.header("Access-Control-Allow-Credentials"), answer.headers().toString());
            assertEquals(null, answer.header("Access-Control-Allow-Origin"), answer.headers().toString());
        }
    }

    @Test
    void everyEndpointOfTheContractIsDocumentedWithItsAnswers() {
        for (Endpoint endpoint : CONTRACT) {
            Map<String, Object> operation = operation(endpoint.method(), endpoint.path());
            assertNotNull(operation, endpoint.method() + " " + endpoint.path() + " is missing");
            assertFalse(responses(operation).keySet().stream().noneMatch(status -> status.startsWith("2")),
                    endpoint + " has no success answer");
        }
    }

    @Test
    void everyErrorCodeOfTheContractIsDeclaredOnItsOperationWithItsStatus() {
        List<String> missing = new ArrayList<>();
        for (Endpoint endpoint : CONTRACT) {
            var responses = responses(operation(endpoint.method(), endpoint.path()));
            endpoint.errors().forEach((code, status) -> {
                if (!declaredCodes(responses.get(String.valueOf(status))).contains(code)) {
                    missing.add(endpoint.method() + " " + endpoint.path() + " " + status + " " + code);
                }
            });
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyErrorAnswerIsAProblem() {
        List<String> notProblems = new ArrayList<>();
        eachOperation((method, path, operation) -> responses(operation).forEach((status, response) -> {
            String key = method + " " + path + " " + status;
            boolean protocolAnswer = PROTOCOL_ANSWERS.stream().anyMatch(answer -> {
                String[] parts = answer.split(" ");
                return key.equals(parts[0] + " " + documentPath(parts[1]) + " " + parts[2]);
            });
            if ((status.startsWith("4") || status.startsWith("5")) && !protocolAnswer) {
                Map<String, Object> content = map(map(response).get("content"));
                if (content == null || content.size() != 1 || !content.containsKey(PROBLEM)
                        || !refersToProblem(map(content.get(PROBLEM)).get("schema"))) {
                    notProblems.add(key);
                }
            }
        }));
        assertEquals(List.of(), notProblems);
    }

    @Test
    void theProblemSchemaNamesEveryCodeOfTheContract() {
        var problem = map(map(map(document.get("components")).get("schemas")).get("Problem"));
        var code = map(map(problem.get("properties")).get("code"));
        assertEquals(Set.copyOf(CODES), Set.copyOf(list(code.get("enum"))));
    }

    @Test
    void theStoreNeedsItsBearerKey() {
        var security = list(operation("post", "/api/v1/store/orders").get("security"));
        assertEquals("storeBearer", map(security.get(0)).keySet().iterator().next());
        var scheme = map(map(map(document.get("components")).get("securitySchemes")).get("storeBearer"));
        assertEquals("http", scheme.get("type"));
        assertEquals("bearer", scheme.get("scheme"));
    }

    @Test
    void pathsAreRelativeToTheDocumentsServer() {
        var ping = RestAssured.given().get(serverUrl() + documentPath("/api/v1/ping"));
        assertEquals(200, ping.statusCode());
        assertEquals("ok", ping.jsonPath().getString("status"));
    }

    @Test
    void theServerServesEveryOperationOfTheDocument() {
        assertFalse(served("get", documentPath("/api/v1/no-such-endpoint")), "an unknown API path is recognised");
        assertFalse(served("put", documentPath("/api/v1/ping")), "an unknown method is recognised");
        assertFalse(served("get", "/api/v1/ping"), "a path outside the application is recognised");
        assertFalse(served("post", "/entitlement"), "a path outside the application is recognised");

        List<String> notServed = new ArrayList<>();
        eachOperation((method, path, operation) -> {
            if (!served(method, path)) {
                notServed.add(method + " " + path);
            }
        });
        assertEquals(List.of(), notServed);
    }

    /**
     * A request of the method to the document's path (placeholders filled in) reached an operation:
     * neither 405 nor a 404 other than a refusal of the API (an unknown API path is {@code NOT_FOUND}).
     */
    private static boolean served(String method, String path) {
        String concrete = path.replace("{registrationNumber}", "MIKO-00000-00000-00000-00000")
                .replace("{hostId}", "contract-host").replace("{sessionId}", "contract-session");
        var request = RestAssured.given()
                .header("X-Forwarded-For", ServerUnderTest.randomClientAddress())
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
        if (method.equals("post") || method.equals("put")) {
            request.body("{}");
        }
        Response answer = request.request(method.toUpperCase(), serverUrl() + concrete);
        if (answer.statusCode() == 404) {
            String code = answer.contentType().startsWith(PROBLEM) ? codeOf(answer) : null;
            return code != null && !code.equals("NOT_FOUND");
        }
        return answer.statusCode() != 405;
    }

    private static String codeOf(Response answer) {
        try {
            return answer.jsonPath().getString("code");
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /**
     * Where a path relative to the context root is in the document: relative to the document's
     * server, so that the server's URL followed by it reaches the application.
     */
    private static String documentPath(String contractPath) {
        String absolute = URI.create(ServerUnderTest.BASE_URL).getPath() + contractPath;
        String serverPath = URI.create(serverUrl()).getPath().replaceAll("/$", "");
        assertTrue(absolute.startsWith(serverPath + "/"), "the server " + serverUrl() + " is outside the application");
        return absolute.substring(serverPath.length());
    }

    private static String serverUrl() {
        var servers = list(document.get("servers"));
        assertFalse(servers.isEmpty(), "the document names its server");
        return URI.create(ServerUnderTest.BASE_URL).resolve((String) map(servers.get(0)).get("url")).toString()
                .replaceAll("/$", "");
    }

    interface OperationVisitor {
        void visit(String method, String path, Map<String, Object> operation);
    }

    private static void eachOperation(OperationVisitor visitor) {
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                visitor.visit(method, path, map(operation));
            }
        }));
    }

    /** The operation of a contract path (relative to the context root, as in docs/api.md). */
    private static Map<String, Object> operation(String method, String path) {
        var item = map(map(document.get("paths")).get(documentPath(path)));
        return item == null ? null : map(item.get(method));
    }

    private static Map<String, Object> responses(Map<String, Object> operation) {
        return map(operation.get("responses"));
    }

    /** The codes a problem answer declares: the {@code code} enum of its schema (next to the Problem reference). */
    private static Set<String> declaredCodes(Object response) {
        if (response == null) {
            return Set.of();
        }
        var content = map(map(response).get("content"));
        if (content == null || !content.containsKey(PROBLEM)) {
            return Set.of();
        }
        var schema = map(map(content.get(PROBLEM)).get("schema"));
        var declared = new java.util.HashSet<String>();
        List<Object> parts = schema.containsKey("allOf") ? list(schema.get("allOf")) : List.of(schema);
        for (Object part : parts) {
            var properties = map(map(part).get("properties"));
            if (properties != null && properties.get("code") != null) {
                list(map(properties.get("code")).get("enum")).forEach(code -> declared.add((String) code));
            }
        }
        return declared;
    }

    private static boolean refersToProblem(Object schema) {
        var parts = map(schema).containsKey("allOf") ? list(map(schema).get("allOf")) : List.of(schema);
        return parts.stream().anyMatch(part -> "#/components/schemas/Problem".equals(map(part).get("$ref")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
