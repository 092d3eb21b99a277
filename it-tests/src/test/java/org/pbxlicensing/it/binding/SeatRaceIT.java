package org.pbxlicensing.it.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Race;
import org.pbxlicensing.it.support.SystemTest;

/** Seat limits hold when many PBXs activate at the same moment. */
@SystemTest
class SeatRaceIT {

    @Test
    void twoHundredHostsRacingForFiveSeatsLeaveExactlyFiveBindings() {
        String number = Pbx.register(34);
        Database.grantPerpetualLicense(number, 33, 5);

        var statuses = Race.run(200, i -> Pbx.activate(number, "race-host-" + i + "-" + number).then().extract());
        Map<String, Long> outcomes = statuses.stream()
                .map(answer -> answer.statusCode() == 200 ? "bound" : answer.<String>path("code"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(Map.of("bound", 5L, "SEATS_EXHAUSTED", 195L), outcomes);
        assertEquals(5, Database.count("""
                SELECT COUNT(*) FROM host_binding b JOIN registration r ON r.id = b.registration_id
                WHERE r.number = ? AND b.released_at IS NULL""", number));
        assertEquals(5, api().get("/registrations/{number}/bindings", number).then().extract().jsonPath()
                .getList("$").size());
    }

    @Test
    void fiftyActivationsFromOneHostMakeOneBinding() {
        String number = Pbx.register();
        String host = Pbx.newHostId();

        var answers = Race.run(50, i -> Pbx.activate(number, host).then().extract().statusCode());

        assertEquals(50, answers.stream().filter(status -> status == 200).count());
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM host_binding b JOIN registration r ON r.id = b.registration_id
                WHERE r.number = ? AND b.host_id = ?""", number, host));
    }

    @Test
    void firstActivationsOfOneRegistrationOnManyHostsStartOneTrial() {
        String number = Pbx.register(34);

        var answers = Race.run(20, i -> Pbx.activate(number, 31, "trial-host-" + i + "-" + number, "pbx")
                .then().extract());

        assertEquals(1, answers.stream().filter(answer -> answer.statusCode() == 200).count());
        assertEquals(19, answers.stream().filter(answer -> "SEATS_EXHAUSTED".equals(answer.path("code"))).count());
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.feature_number = 31""", number));
    }
}
