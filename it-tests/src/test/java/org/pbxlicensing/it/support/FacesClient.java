package org.pbxlicensing.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The portal and the admin area spoken to without a browser: one HTTP session (cookie jar), one
 * client address (through {@code X-Forwarded-For}), and form posts as crafted as a test likes.
 */
public final class FacesClient {

    public static final String VIEW_STATE = "jakarta.faces.ViewState";
    /** The page's script nonce, which PrimeFaces' script puts into every form of the page and checks on a postback. */
    public static final String NONCE = "primefaces.nonce";
    private static final Pattern VIEW_STATE_VALUE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*?value=\"([^\"]+)\"");
    private static final Pattern NONCE_VALUE = Pattern.compile("<script[^>]*? nonce=\"([^\"]+)\"");
    private static final Pattern PARTIAL_REDIRECT = Pattern.compile("<partial-response[^>]*>\\s*<redirect url=\"([^\"]+)\"");
    /** Where a page sends a browser on and on, a browser gives up; so does this client. */
    private static final int MAX_REDIRECTS = 5;

    private final String clientAddress;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private HttpResponse<String> last;
    private String requestId;
    private String clockShift;

    public FacesClient(String clientAddress) {
        this.clientAddress = clientAddress;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public FacesClient() {
        this(ServerUnderTest.randomClientAddress());
    }

    /** A GET of a path of the application; redirects are not followed. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /**
     * A form post to the page, with the view state and the script nonce of the page this client loaded
     * last unless the fields name them, as a browser posts the page's form.
     */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return postWithHeaders(path, fields);
    }

    private HttpResponse<String> postWithHeaders(String path, Map<String, String> fields, String... headers) {
        var all = new LinkedHashMap<String, String>(fields);
        if (!all.containsKey(VIEW_STATE) && last != null) {
            viewState(last.body()).ifPresent(state -> all.put(VIEW_STATE, state));
        }
        if (!all.containsKey(NONCE) && last != null) {
            nonce(last.body()).ifPresent(nonce -> all.put(NONCE, nonce));
        }
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /**
     * A form post as PrimeFaces' script makes it for an Ajax button: {@code Faces-Request: partial/ajax},
     * the button as source, the form executed and rendered, with the page's view state and script nonce
     * unless the fields name them. Like the browser's XMLHttpRequest, it follows redirects by itself and
     * keeps its headers on the way; answers what the script gets to read.
     */
    public HttpResponse<String> ajaxPost(String path, String form, String source, Map<String, String> fields) {
        var all = new LinkedHashMap<String, String>();
        all.put(form, form);
        all.put("jakarta.faces.partial.ajax", "true");
        all.put("jakarta.faces.source", source);
        all.put("jakarta.faces.partial.execute", form);
        all.put("jakarta.faces.partial.render", form);
        all.put(source, source);
        all.putAll(fields);
        var answer = postWithHeaders(path, all, "Faces-Request", "partial/ajax");
        for (int hop = 0; redirect(answer) && hop < MAX_REDIRECTS; hop++) {
            answer = send(HttpRequest.newBuilder(location(answer)).header("Faces-Request", "partial/ajax").GET());
        }
        return answer;
    }

    /**
     * Goes where an answer sends the browser, for as long as it is sent on: to the {@code Location} of a
     * redirect, or to the redirect of a partial response, which PrimeFaces' script follows. Cookies are
     * kept. Answers the page it lands on.
     */
    public HttpResponse<String> follow(HttpResponse<String> answer) {
        for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
            Matcher partialRedirect = PARTIAL_REDIRECT.matcher(answer.body());
            if (redirect(answer)) {
                answer = send(HttpRequest.newBuilder(location(answer)).GET());
            } else if (partialRedirect.find()) {
                String url = partialRedirect.group(1).replace("&amp;", "&");
                answer = send(HttpRequest.newBuilder(answer.uri().resolve(url)).GET());
            } else {
                return answer;
            }
        }
        throw new AssertionError("still sent on after " + MAX_REDIRECTS + " redirects, at " + answer.uri());
    }

    /** Forgets the session cookie, as the server forgets the session when it expires; the pages loaded stay. */
    public void loseSession() {
        var jar = cookies.getCookieStore();
        jar.getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID")).toList()
                .forEach(cookie -> jar.remove(null, cookie));
    }

    /** Sends the following requests with this {@code X-Request-Id}, so that their lines in the server log can be found. */
    public void tagRequests(String requestId) {
        this.requestId = requestId;
    }

    /** The following requests see the server's clock moved by the ISO-8601 duration (clock control, tests only). */
    public void shiftClock(String shift) {
        this.clockShift = shift;
    }

    /**
     * An Ajax post of the page this client loaded last, as PrimeFaces' script sends it when {@code source}
     * is clicked: {@code execute} and {@code render} are the components' client ids; the answer is a
     * partial response.
     */
    public HttpResponse<String> ajaxPost(String path, String source, String execute, String render,
            Map<String, String> fields) {
        var all = new LinkedHashMap<String, String>();
        all.put("jakarta.faces.partial.ajax", "true");
        all.put("jakarta.faces.source", source);
        all.put("jakarta.faces.partial.execute", execute);
        all.put("jakarta.faces.partial.render", render);
        all.put(source, source);
        all.putAll(fields);
        return postWithHeaders(path, all, "Faces-Request", "partial/ajax");
    }

    /**
     * A post of a body exactly as given, with its content type: what a client that builds its own requests sends,
     * a body cut off on its way or a form no browser would make. Cookies and the client address as always.
     */
    public HttpResponse<String> postBody(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * A form post as another site would make it through this client's browser: its own origin, and
     * only the fields it chose (no view state or script nonce unless it names them).
     */
    public HttpResponse<String> crossSitePost(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://attacker.invalid")
                .header("Referer", "https://attacker.invalid/lure.html")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /** Loads the page and submits its form with the fields and the button. */
    public HttpResponse<String> submit(String path, String form, Map<String, String> fields, String button) {
        get(path);
        var all = new LinkedHashMap<String, String>();
        all.put(form, form);
        all.putAll(fields);
        all.put(button, "");
        return post(path, all);
    }

    /** Logs in to the portal with a registration number or an activated coupon; answers the login's answer. */
    public HttpResponse<String> logInToPortal(String credential) {
        return submit("/login.xhtml", "login", Map.of("login:credential", credential), "login:submit");
    }

    /** Logs in to the admin area; answers the login's answer. */
    public HttpResponse<String> logInToAdmin(String userName, String password) {
        return submit("/admin/login.xhtml", "login", Map.of("login:userName", userName, "login:password", password),
                "login:submit");
    }

    public static java.util.Optional<String> viewState(String page) {
        Matcher matcher = VIEW_STATE_VALUE.matcher(page);
        return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
    }

    /** The script nonce of the page, which PrimeFaces' script would put into each of its forms. */
    public static java.util.Optional<String> nonce(String page) {
        Matcher matcher = NONCE_VALUE.matcher(page);
        return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
    }

    /** Where the page's form posts to, as a path of the application (like the paths this client takes). */
    public static String formAction(String page, String form) {
        Matcher matcher = Pattern.compile("<form id=\"" + Pattern.quote(form) + "\"[^>]*? action=\"([^\"]+)\"").matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("the page has no form " + form);
        }
        String contextPath = URI.create(ServerUnderTest.BASE_URL).getPath();
        String action = matcher.group(1).replace("&amp;", "&");
        if (!action.startsWith(contextPath + "/")) {
            throw new AssertionError("form " + form + " posts outside the application: " + action);
        }
        return action.substring(contextPath.length());
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    private static boolean redirect(HttpResponse<String> answer) {
        return answer.statusCode() / 100 == 3 && answer.headers().firstValue("Location").isPresent();
    }

    private static URI location(HttpResponse<String> answer) {
        return answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        request.header("X-Forwarded-For", clientAddress);
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        if (clockShift != null) {
            request.header("X-Clock-Shift", clockShift);
        }
        try {
            last = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return last;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static URI uri(String path) {
        return URI.create(ServerUnderTest.BASE_URL + path);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
