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
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.ApiContract;
import org.pbxlicensing.it.support.ApiContract.Endpoint;
import org.pbxlicensing.it.support.ApiContract.Refusal;
import org.pbxlicensing.it.support.ServerUnderTest;
import org.pbxlicensing.it.support.SystemTest;

/**
 * The OpenAPI document at {@code /openapi} against the HTTP contract as docs/api.md states it
 * ({@link ApiContract}): every endpoint present with its success, every refusal declared on its
 * operation with its status, every error a problem, every code of the Errors table in the Problem
 * schema, nothing in the document that docs/api.md does not name, and nothing that the server does not serve.
 */
@SystemTest
class OpenApiContractIT {

    private static final ApiContract CONTRACT = ApiContract.ofRepository();

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
    void everyEndpointOfTheContractIsDocumentedWithItsSuccess() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : CONTRACT.endpoints()) {
            Map<String, Object> operation = operation(endpoint.method(), endpoint.path());
            if (operation == null) {
                wrong.add(endpoint + " is missing");
                continue;
            }
            Set<String> successes = new TreeSet<>(responses(operation).keySet());
            successes.removeIf(status -> !status.startsWith("2"));
            if (!successes.equals(Set.of(String.valueOf(endpoint.success())))) {
                wrong.add(endpoint + " answers " + successes + ", the contract " + endpoint.success());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyRefusalOfTheContractIsDeclaredOnItsOperationWithItsStatus() {
        List<String> missing = new ArrayList<>();
        for (Endpoint endpoint : CONTRACT.endpoints()) {
            Map<String, Object> operation = operation(endpoint.method(), endpoint.path());
            if (operation == null) {
                missing.add(endpoint + " (no operation)");
                continue;
            }
            for (Refusal refusal : endpoint.refusals()) {
                Object response = responses(operation).get(String.valueOf(refusal.status()));
                boolean declared = refusal.isProblem()
                        ? declaredCodes(response).contains(refusal.code())
                        : response != null && !isProblem(response);
                if (!declared) {
                    missing.add(endpoint + " " + refusal);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The endpoint table and the Errors table of docs/api.md give each code the same status. */
    @Test
    void everyRefusalOfTheEndpointTableHasItsStatusInTheErrorsTable() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : CONTRACT.endpoints()) {
            for (Refusal refusal : endpoint.refusals()) {
                Integer statusOfCode = CONTRACT.errorCodes().get(refusal.code());
                if (refusal.isProblem() && !Integer.valueOf(refusal.status()).equals(statusOfCode)) {
                    wrong.add(endpoint + " " + refusal + ", Errors: " + statusOfCode);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyErrorAnswerIsAProblem() {
        List<String> notProblems = new ArrayList<>();
        eachOperation((method, path, operation) -> responses(operation).forEach((status, response) -> {
            Endpoint endpoint = documented(method, path);
            boolean protocolAnswer = endpoint != null && status.matches("\\d{3}")
                    && endpoint.refusals().contains(new Refusal(Integer.parseInt(status), null));
            if ((status.startsWith("4") || status.startsWith("5")) && !protocolAnswer && !isProblem(response)) {
                notProblems.add(method + " " + path + " " + status);
            }
        }));
        assertEquals(List.of(), notProblems);
    }

    @Test
    void theProblemSchemaNamesEveryCodeOfTheContract() {
        assertEquals(new TreeSet<>(CONTRACT.errorCodes().keySet()), problemSchemaCodes());
    }

    /** Codes that no resource throws, but the HTTP layer answers, are the ones docs/api.md and the document name. */
    @Test
    void theHttpLayersRefusalsAreTheDocumentedProblems() {
        var ping = serverUrl() + documentPath("/api/v1/ping");
        Response notAcceptable = RestAssured.given().header("X-Forwarded-For", ServerUnderTest.randomClientAddress())
                .accept("application/xml").get(ping);
        Response notAllowed = RestAssured.given().header("X-Forwarded-For", ServerUnderTest.randomClientAddress())
                .accept(ContentType.JSON).put(ping);
        for (Response answer : List.of(notAcceptable, notAllowed)) {
            assertTrue(answer.contentType().startsWith(PROBLEM), answer.contentType());
            String code = codeOf(answer);
            assertEquals(CONTRACT.errorCodes().get(code), answer.statusCode(), code);
            assertTrue(problemSchemaCodes().contains(code), code);
        }
        assertEquals(List.of("NOT_ACCEPTABLE", "METHOD_NOT_ALLOWED"), List.of(codeOf(notAcceptable), codeOf(notAllowed)));
    }

    /**
     * What the document declares, docs/api.md says too: each operation is a row of the endpoint table,
     * and each of its answers is the row's success, one of the row's refusals, or a code of the Errors
     * table under one of the statuses that every endpoint may answer (400, 413, 415, 500, 503).
     */
    @Test
    void nothingInTheDocumentIsMissingFromTheContract() {
        List<String> undocumented = new ArrayList<>();
        eachOperation((method, path, operation) -> {
            Endpoint endpoint = documented(method, path);
            if (endpoint == null) {
                undocumented.add(method + " " + path);
                return;
            }
            responses(operation).forEach((status, response) -> {
                if (!status.matches("\\d{3}")) {
                    undocumented.add(endpoint + " " + status);
                    return;
                }
                int code = Integer.parseInt(status);
                if (code == endpoint.success()) {
                    return;
                }
                if (!isProblem(response)) {
                    if (!endpoint.refusals().contains(new Refusal(code, null))) {
                        undocumented.add(endpoint + " " + status);
                    }
                    return;
                }
                Set<String> codes = declaredCodes(response);
                if (codes.isEmpty()) {
                    undocumented.add(endpoint + " " + status + " without a code");
                }
                for (String declared : codes) {
                    boolean general = CONTRACT.generalStatuses().contains(code)
                            && Integer.valueOf(code).equals(CONTRACT.errorCodes().get(declared));
                    if (!general && !endpoint.refusals().contains(new Refusal(code, declared))) {
                        undocumented.add(endpoint + " " + status + " " + declared);
                    }
                }
            });
        });
        assertEquals(List.of(), undocumented);
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

    /** The {@code code} enum of the shared Problem schema. */
    private static Set<String> problemSchemaCodes() {
        var problem = map(map(map(document.get("components")).get("schemas")).get("Problem"));
        var codes = new TreeSet<String>();
        list(map(map(problem.get("properties")).get("code")).get("enum")).forEach(code -> codes.add((String) code));
        return codes;
    }

    /** The row of docs/api.md of an operation of the document, or null. */
    private static Endpoint documented(String method, String documentPath) {
        return CONTRACT.endpoints().stream()
                .filter(endpoint -> endpoint.method().equals(method) && documentPath(endpoint.path()).equals(documentPath))
                .findFirst().orElse(null);
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
        var declared = new TreeSet<String>();
        List<Object> parts = schema.containsKey("allOf") ? list(schema.get("allOf")) : List.of(schema);
        for (Object part : parts) {
            var properties = map(map(part).get("properties"));
            if (properties != null && properties.get("code") != null) {
                list(map(properties.get("code")).get("enum")).forEach(code -> declared.add((String) code));
            }
        }
        return declared;
    }

    /** An answer whose only body is {@code application/problem+json} of the Problem schema. */
    private static boolean isProblem(Object response) {
        Map<String, Object> content = map(map(response).get("content"));
        return content != null && content.size() == 1 && content.containsKey(PROBLEM)
                && refersToProblem(map(content.get(PROBLEM)).get("schema"));
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
