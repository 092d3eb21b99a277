package org.pbxlicensing.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pbxlicensing.domain.staff.PasswordHash;

/** Staff users for admin tests, and plain HTTP requests made with a browser's session. */
public final class StaffLogin {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = System.getProperty("it.admin.password");

    private static final Set<String> PASSWORDS = ConcurrentHashMap.newKeySet();

    private StaffLogin() {
    }

    /** A new staff user with the role, written with the application's own hashing. */
    public static String createUser(String role, String password) {
        String name = role.toLowerCase() + "-" + TestData.unique();
        PASSWORDS.add(password);
        Database.execute("""
                INSERT INTO staff_user (user_name, role, password_hash, enabled, created_at)
                VALUES (?, ?, ?, TRUE, UTC_TIMESTAMP(6))""", name, role, PasswordHash.hash(password.toCharArray()));
        return name;
    }

    /** The statuses of wrong passwords for the user, each in a login of its own, sent at once from one address. */
    public static java.util.List<Integer> wrongPasswordsAtOnce(String user, String clientAddress, int attempts) {
        return Race.run(attempts, i -> new FacesClient(clientAddress).logInToAdmin(user, "wrong-" + i).statusCode());
    }

    /** Every staff password the tests of this run gave out, the admin's too: none may ever be logged. */
    public static Set<String> passwordsUsed() {
        var all = new HashSet<>(PASSWORDS);
        all.add(ADMIN_PASSWORD);
        return all;
    }

    /** Logs in on the admin login page the browser is on (or is sent to). */
    public static void logIn(Browser browser, String userName, String password) {
        browser.type("login:userName", userName);
        browser.type("login:password", password);
        var submit = browser.find("login:submit");
        submit.click();
        browser.waitUntilGone(submit);
    }

    /** Switches the admin pages to English (they start in Russian), on whatever admin page the browser is. */
    public static void inEnglish(Browser browser) {
        var link = browser.find("lang:en");
        link.click();
        browser.waitUntilGone(link);
    }

    /** A GET of a path of the application with the browser's session cookie, redirects not followed. */
    public static HttpResponse<String> get(Browser browser, String path) {
        var cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        var request = HttpRequest.newBuilder(URI.create(ServerUnderTest.BASE_URL + path));
        if (cookie != null) {
            request.header("Cookie", "JSESSIONID=" + cookie.getValue());
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
