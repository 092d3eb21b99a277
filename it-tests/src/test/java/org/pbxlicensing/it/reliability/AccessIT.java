package org.pbxlicensing.it.reliability;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.FacesClient;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SessionClient;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * A customer reaches nothing of another registration, whatever they post; staff roles hold on the
 * server whatever a page offers; and a form is only accepted with a view state that this very
 * session was given (CSRF). Every refusal has a positive control: the same crafted request from
 * someone allowed does change things, so the refusal is the rule at work.
 */
@SystemTest
class AccessIT {

    private static final String MONITOR = "/portal/monitor.xhtml";

    @Test
    void aCustomersPagesShowNothingOfAnotherRegistration() {
        String mine = Pbx.register(33);
        String mineHost = Pbx.newHostId();
        Pbx.activate(mine, mineHost).then().statusCode(200);
        String theirs = Pbx.register(33);
        String theirHost = Pbx.newHostId();
        Pbx.activate(theirs, theirHost).then().statusCode(200);
        String theirUser = "their-user-" + TestData.unique();
        SessionClient.capture(theirs, SessionClient.PANEL, Map.of("user", theirUser)).then().statusCode(201);

        var customer = new FacesClient();
        assertEquals(302, customer.logInToPortal(mine).statusCode());
        String pages = customer.get("/portal/overview.xhtml").body() + customer.get(MONITOR).body()
                + customer.get("/portal/offline.xhtml").body();

        assertTrue(pages.contains(mine) && pages.contains(mineHost), "the customer's own pages were shown");
        for (String other : List.of(theirs, theirHost, theirUser)) {
            assertFalse(pages.contains(other), "another registration's " + other + " is shown");
        }
    }

    @Test
    void craftedPortalPostsCannotReleaseAnotherRegistrationsBinding() {
        String mine = Pbx.register(34);
        String theirs = Pbx.register(34);
        String sharedHost = Pbx.newHostId();
        String theirHost = Pbx.newHostId();
        Pbx.activate(mine, 31, sharedHost, "mine").then().statusCode(200);
        Pbx.activate(theirs, 32, sharedHost, "theirs").then().statusCode(200);
        Database.grantPerpetualLicense(theirs, 33, 1);
        Pbx.activate(theirs, theirHost).then().statusCode(200);

        var customer = new FacesClient();
        customer.logInToPortal(mine);
        customer.get(MONITOR);
        // The row's button with the other registration's host and feature put beside it, then a row that is not there.
        var crafted = new LinkedHashMap<String, String>();
        crafted.put("monitor", "monitor");
        crafted.put("monitor:tabs:bindings:0:reset", "");
        crafted.put("monitor:selectedHost", theirHost);
        crafted.put("monitor:selectedFeature", "33");
        crafted.put("selectedHost", sharedHost);
        crafted.put("selectedFeature", "32");
        customer.post(MONITOR, crafted);
        customer.post(MONITOR, Map.of("monitor", "monitor", "monitor:confirmReset", "", "hostId", theirHost));
        customer.get(MONITOR);
        customer.post(MONITOR, Map.of("monitor", "monitor", "monitor:tabs:bindings:1:reset", ""));
        customer.post(MONITOR, Map.of("monitor", "monitor", "monitor:confirmReset", ""));

        assertEquals(2, activeBindings(theirs), "the other registration keeps both bindings");
        Pbx.check(theirs, sharedHost).then().body("status", equalTo("TRIAL"));
        Pbx.check(theirs, theirHost).then().body("status", equalTo("LICENSED"));
        assertEquals(0, activeBindings(mine), "the crafted posts were real posts: they released the customer's own");
    }

    @Test
    void anotherSessionsViewStateIsWorthNothing() {
        String mine = Pbx.register();
        String theirs = Pbx.register();
        String theirHost = Pbx.newHostId();
        Pbx.activate(theirs, theirHost).then().statusCode(200);
        var them = new FacesClient();
        them.logInToPortal(theirs);
        String theirViewState = FacesClient.viewState(them.get(MONITOR).body()).orElseThrow();

        var customer = new FacesClient();
        customer.logInToPortal(mine);
        customer.get(MONITOR);
        customer.post(MONITOR, Map.of("monitor", "monitor", "monitor:tabs:bindings:0:reset", "",
                FacesClient.VIEW_STATE, theirViewState));
        customer.post(MONITOR, Map.of("monitor", "monitor", "monitor:confirmReset", "",
                FacesClient.VIEW_STATE, theirViewState));

        assertEquals(1, activeBindings(theirs));
        Pbx.check(theirs, theirHost).then().body("status", equalTo("TRIAL"));
    }

    @Test
    void aPostFromAnotherSiteWithoutThisSessionsViewStateChangesNothing() {
        String mine = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(mine, host).then().statusCode(200);
        var customer = new FacesClient();
        customer.logInToPortal(mine);
        customer.get(MONITOR);

        customer.crossSitePost(MONITOR, Map.of("monitor", "monitor", "monitor:tabs:bindings:0:reset", ""));
        customer.crossSitePost(MONITOR, Map.of("monitor", "monitor", "monitor:confirmReset", ""));
        customer.crossSitePost(MONITOR, Map.of("monitor", "monitor", "monitor:tabs:bindings:0:reset", "",
                FacesClient.VIEW_STATE, "-4235432156187648796:3316290911526913384"));
        customer.crossSitePost(MONITOR, Map.of("monitor", "monitor", "monitor:confirmReset", "",
                FacesClient.VIEW_STATE, "-4235432156187648796:3316290911526913384"));
        assertEquals(1, activeBindings(mine), "a forged post released the binding");

        customer.get(MONITOR);
        customer.post(MONITOR, Map.of("monitor", "monitor", "monitor:tabs:bindings:0:reset", ""));
        customer.post(MONITOR, Map.of("monitor", "monitor", "monitor:confirmReset", ""));
        assertEquals(0, activeBindings(mine), "the same post with the page's own view state releases it");
    }

    @Test
    void theApiReleasesAndListsOnlyUnderTheRegistrationNamed() {
        String mine = Pbx.register();
        String theirs = Pbx.register();
        String theirHost = Pbx.newHostId();
        Pbx.activate(theirs, theirHost).then().statusCode(200);

        api().delete("/registrations/{number}/bindings/{host}", mine, theirHost).then()
                .statusCode(404)
                .body("code", equalTo("BINDING_NOT_FOUND"));
        api().get("/registrations/{number}/bindings", mine).then()
                .statusCode(200)
                .body("hostId", not(hasItem(theirHost)));
        api().body(Map.of("registrationNumber", mine, "hostId", theirHost, "version", "1.0"))
                .post("/eula-acceptances").then()
                .statusCode(404);

        assertEquals(1, activeBindings(theirs));
        assertEquals(0, Database.count("""
                SELECT COUNT(*) FROM eula_acceptance a JOIN registration r ON r.id = a.registration_id
                WHERE r.number = ?""", mine));
    }

    @Test
    void aSessionIsReachedOnlyByItsOwnUnguessableId() {
        String theirs = Pbx.register(33);
        String theirSession = SessionClient.captured(theirs);
        assertTrue(theirSession.length() >= 22, "a session id of at least 128 random bits: " + theirSession);

        char last = theirSession.charAt(theirSession.length() - 1);
        String neighbour = theirSession.substring(0, theirSession.length() - 1) + (last == 'A' ? 'B' : 'A');
        SessionClient.heartbeat(neighbour).then().statusCode(404).body("code", equalTo("SESSION_NOT_FOUND"));
        SessionClient.release(neighbour).then().statusCode(204);

        assertEquals(1, SessionClient.liveSessions(theirs));
        SessionClient.heartbeat(theirSession).then().statusCode(200);
    }

    @Test
    void staffRolesHoldOnTheServerWhateverIsPosted() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);
        String page = "/admin/registration.xhtml?number=" + number;

        var viewer = new FacesClient();
        String viewerPassword = "viewer-password-" + TestData.unique();
        String viewerName = StaffLogin.createUser("VIEWER", viewerPassword);
        assertEquals(302, viewer.logInToAdmin(viewerName, viewerPassword).statusCode());
        viewer.get(page);
        viewer.post(page, Map.of("reg", "reg", "reg:reason", "crafted", "reg:bindings:0:reset", ""));
        assertEquals(1, activeBindings(number), "a viewer released a binding");

        var support = new FacesClient();
        String supportPassword = "support-password-" + TestData.unique();
        String supportName = StaffLogin.createUser("SUPPORT", supportPassword);
        assertEquals(302, support.logInToAdmin(supportName, supportPassword).statusCode());
        support.get(page);
        support.post(page, grant());
        support.get(page);
        support.post(page, Map.of("reg", "reg", "reg:reason", "crafted", "reg:licenses:0:revoke", ""));
        assertEquals(0, staffLicenses(number), "support granted a license");
        assertEquals(0, Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.revoked_at IS NOT NULL""", number), "support revoked a license");
        assertEquals(403, support.get("/admin/staff.xhtml").statusCode());
        assertEquals(403, support.post("/admin/staff.xhtml", Map.of("staff", "staff", "staff:userName", "intruder",
                "staff:password", "intruder-password", "staff:create", "")).statusCode());
        assertEquals(403, viewer.get("/admin/mint.xhtml").statusCode());
        assertEquals(403, viewer.get("/admin/coupons.csv").statusCode());

        var admin = new FacesClient();
        assertEquals(302, admin.logInToAdmin(StaffLogin.ADMIN, StaffLogin.ADMIN_PASSWORD).statusCode());
        admin.get(page);
        admin.post(page, grant());
        assertEquals(1, staffLicenses(number), "the same post by an admin grants the license");
    }

    private static Map<String, String> grant() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("reg", "reg");
        fields.put("reg:reason", "crafted grant");
        for (String suffix : List.of("", "_input", "_hinput")) {
            fields.put("reg:grantFeature" + suffix, "34");
            fields.put("reg:grantSeats" + suffix, "50");
        }
        fields.put("reg:grantLicense", "");
        return fields;
    }

    private static long staffLicenses(String number) {
        return Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.source = 'STAFF'""", number);
    }

    private static long activeBindings(String number) {
        return Database.count("""
                SELECT COUNT(*) FROM host_binding b JOIN registration r ON r.id = b.registration_id
                WHERE r.number = ? AND b.released_at IS NULL""", number);
    }
}
