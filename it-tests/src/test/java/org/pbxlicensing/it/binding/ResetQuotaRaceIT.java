package org.pbxlicensing.it.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Race;
import org.pbxlicensing.it.support.SystemTest;

/** Two customers racing for a license's last reset: exactly one gets it, on every try. */
@SystemTest
class ResetQuotaRaceIT {

    @Test
    void ofTwoConcurrentResetsOfTheLastAllowedOneExactlyOnePasses() {
        for (int round = 0; round < 5; round++) {
            String number = Pbx.register(34);
            Database.grantPerpetualLicense(number, 33, 2);
            String warmUp = Pbx.newHostId();
            for (int reset = 1; reset <= 2; reset++) {
                Pbx.activate(number, warmUp).then().statusCode(200);
                Pbx.reset(number, warmUp).then().statusCode(204);
            }
            List<String> hosts = List.of(Pbx.newHostId(), Pbx.newHostId());
            hosts.forEach(host -> Pbx.activate(number, host).then().statusCode(200));

            List<Integer> statuses = Race.run(2, i -> Pbx.reset(number, hosts.get(i)).then().extract().statusCode());

            assertEquals(List.of(204, 429), statuses.stream().sorted().toList(), "round " + round);
            assertEquals(1, Database.count("""
                    SELECT COUNT(*) FROM host_binding b JOIN registration r ON r.id = b.registration_id
                    WHERE r.number = ? AND b.released_at IS NULL""", number), "round " + round);
        }
    }
}
