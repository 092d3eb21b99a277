package org.pbxlicensing.it.session;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pbxlicensing.it.support.SessionClient.PANEL;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SessionClient;
import org.pbxlicensing.it.support.SystemTest;

/** A per-session feature follows the trial rule of host licenses. */
@SystemTest
class SessionTrialIT {

    @Test
    void firstCaptureOfAFeatureStartsItsTrial() {
        String number = Pbx.register(33);
        SessionClient.capture(number).then().statusCode(201);
        assertEquals(1, panelLicenses(number, "TRIAL"));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.feature_number = 46 AND l.source = 'CAPTURE' AND l.seats = 1""", number));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM audit_event a JOIN registration r ON r.id = a.registration_id
                WHERE r.number = ? AND a.action = 'TRIAL_STARTED' AND a.subject = 'feature 46'""", number));
    }

    @Test
    void aHostThatHadATrialUnderOneRegistrationGetsNoneUnderAnother() {
        String host = Pbx.newHostId();
        String first = Pbx.register(33);
        SessionClient.capture(first, PANEL, Map.of("host", host, "user", "ivan")).then().statusCode(201);

        String second = Pbx.register(33);
        SessionClient.capture(second, PANEL, Map.of("host", host, "user", "petr")).then()
                .statusCode(409)
                .body("code", equalTo("TRIAL_ALREADY_USED"));
        assertEquals(0, panelLicenses(second, "TRIAL"), "the refused trial left nothing behind");
        assertEquals(0, SessionClient.liveSessions(second));
        SessionClient.capture(second, PANEL, Map.of("host", Pbx.newHostId())).then().statusCode(201);
    }

    @Test
    void theSameHostMayCaptureAgainUnderItsOwnTrial() {
        String host = Pbx.newHostId();
        String number = Pbx.register(33);
        String session = SessionClient.capture(number, PANEL, Map.of("host", host)).then().statusCode(201)
                .extract().path("sessionId");
        SessionClient.release(session).then().statusCode(204);
        SessionClient.capture(number, PANEL, Map.of("host", host)).then().statusCode(201);
        assertEquals(1, panelLicenses(number, "TRIAL"));
    }

    @Test
    void afterTheTrialEndedWithoutAPaidLicenseTheFeatureIsNotLicensed() {
        String number = Pbx.register(33);
        SessionClient.capture(number).then().statusCode(201);
        SessionClient.captureShifted("P31D", number).then()
                .statusCode(409)
                .body("code", equalTo("NOT_LICENSED"));
        assertEquals(1, panelLicenses(number, "TRIAL"), "no second trial");
    }

    @Test
    void aPaidLicenseIsUsedBeforeTheTrial() {
        String number = Pbx.register(33);
        SessionClient.capture(number).then().statusCode(201);
        Database.grantPerpetualLicense(number, PANEL, 2);

        SessionClient.capture(number).then().statusCode(201);
        SessionClient.capture(number).then().statusCode(201);
        SessionClient.capture(number).then().statusCode(409).body("code", equalTo("SEATS_EXHAUSTED"));
        assertEquals(2, Database.count("""
                SELECT COUNT(*) FROM license_session s JOIN license l ON l.id = s.license_id
                JOIN registration r ON r.id = s.registration_id
                WHERE r.number = ? AND l.kind = 'PERPETUAL' AND s.ended_at IS NULL""", number));
    }

    @Test
    void aPaidLicenseNeedsNoTrial() {
        String number = Pbx.register(33);
        Database.grantPerpetualLicense(number, PANEL, 1);
        SessionClient.capture(number, PANEL, Map.of("host", Pbx.newHostId())).then().statusCode(201);
        assertEquals(0, panelLicenses(number, "TRIAL"));
    }

    private static long panelLicenses(String number, String kind) {
        return Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.feature_number = 46 AND l.kind = ?""", number, kind);
    }
}
