package org.pbxlicensing.it.licensev2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;

/** Per-session seats shared by the installations of a registration, by the usage each reports. */
@SystemTest
class SessionSeatsIT {

    @Test
    void eachInstallationGetsTheSeatsTheOthersDoNotUse() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, 46, 4);
        var a = new MikoPbx(number);
        var b = new MikoPbx(number);

        var first = EntitlementEndpoint.token(a, a.poll(request -> request.add("usage", using(3))));
        assertEquals(Map.of("46", 4), first.seats(), "nobody else uses a seat yet");
        assertEquals(first.offlineUntil(), first.features().get("46"), "a perpetual license lasts the grace");

        assertEquals(Map.of("46", 1), EntitlementEndpoint.token(b, b.poll(request -> request.add("usage", using(1))))
                .seats());
        assertEquals(Map.of("46", 3), EntitlementEndpoint.token(a, a.poll()).seats(),
                "a poll without usage keeps what was reported before");

        EntitlementEndpoint.token(b, b.poll(request -> request.add("usage", Json.createObjectBuilder())));
        assertEquals(Map.of("46", 4), EntitlementEndpoint.token(a, a.poll()).seats(), "b holds nothing now");
    }

    @Test
    void theLatestUsageAndHoldersAreKeptPerInstallation() {
        String number = Pbx.register();
        Database.grantPerpetualLicense(number, 46, 4);
        var pbx = new MikoPbx(number);
        EntitlementEndpoint.token(pbx, pbx.poll(request -> request.add("usage", using(2))
                .add("usageGen", "00000000000000a1")
                .add("holders", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("ref", "1111111111111111").add("features", Json.createArrayBuilder().add(46))
                        .add("since", 1_790_000_000L).add("username", "ivan")))
                .add("metrics", Json.createObjectBuilder().add("calls", 7))));
        EntitlementEndpoint.token(pbx, pbx.poll(request -> request.add("usage", using(1))));

        assertEquals(1, Database.count("SELECT used FROM licensev2_usage WHERE install_id = ? AND feature_number = 46",
                pbx.installId()));
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM licensev2_installation WHERE install_id = ? AND holders LIKE '%"username":"ivan"%'
                AND metrics = '{"calls":7}' AND usage_gen = '00000000000000a1'""", pbx.installId()));
    }

    private static JsonObjectBuilder using(int seats) {
        return Json.createObjectBuilder().add("46", Json.createObjectBuilder()
                .add("used", seats).add("peak", seats).add("denied", 0));
    }
}
