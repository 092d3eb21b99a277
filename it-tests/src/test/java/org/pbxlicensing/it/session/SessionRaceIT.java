package org.pbxlicensing.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pbxlicensing.it.support.SessionClient.PANEL;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Race;
import org.pbxlicensing.it.support.SessionClient;
import org.pbxlicensing.it.support.SystemTest;

/** Seat limits of per-session licenses hold when many clients capture at the same moment. */
@SystemTest
class SessionRaceIT {

    @Test
    void hundredCapturesRacingForTenSeatsLeaveExactlyTenLiveSessions() {
        String number = Pbx.register(33);
        Database.grantPerpetualLicense(number, PANEL, 10);

        var answers = Race.run(100, i -> SessionClient.capture(number, PANEL, Map.of("user", "race-user-" + i))
                .then().extract());
        Map<String, Long> outcomes = answers.stream()
                .map(answer -> answer.statusCode() == 201 ? "captured" : answer.<String>path("code"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(Map.of("captured", 10L, "SEATS_EXHAUSTED", 90L), outcomes);
        assertEquals(10, answers.stream().filter(answer -> answer.statusCode() == 201)
                .map(answer -> answer.<String>path("sessionId")).distinct().count());
        assertEquals(10, SessionClient.liveSessions(number));
        assertEquals(10, Database.count("""
                SELECT COUNT(*) FROM license_session s JOIN registration r ON r.id = s.registration_id
                WHERE r.number = ?""", number));
    }

    @Test
    void firstCapturesRacingOnOneRegistrationStartOneTrial() {
        String number = Pbx.register(33);

        var answers = Race.run(20, i -> SessionClient.capture(number).then().extract());

        assertEquals(1, answers.stream().filter(answer -> answer.statusCode() == 201).count());
        assertEquals(19, answers.stream().filter(answer -> "SEATS_EXHAUSTED".equals(answer.path("code"))).count());
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM license l JOIN registration r ON r.id = l.registration_id
                WHERE r.number = ? AND l.feature_number = 46""", number));
    }
}
