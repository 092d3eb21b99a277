package org.pbxlicensing.it.binding;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;

/**
 * Activations and checks read the seats taken of a license from a number the database keeps as
 * bindings are written. The number must follow every change of a binding, however it is written:
 * the API, or an operator's SQL that releases, restores, moves or deletes a binding.
 */
@SystemTest
class SeatsTakenIT {

    private static final String LICENSES = """
            SELECT id FROM license WHERE kind = 'PERPETUAL'
            AND registration_id = (SELECT id FROM registration WHERE number = ?)""";

    @Test
    void aSeatFreedBySqlCanBeTakenByAnotherHost() {
        String number = Pbx.register(34);
        Database.grantPerpetualLicense(number, 33, 2);
        String first = Pbx.newHostId();
        Pbx.activate(number, first).then().statusCode(200);
        Pbx.activate(number, Pbx.newHostId()).then().statusCode(200);
        Pbx.activate(number, Pbx.newHostId()).then().statusCode(409).body("code", equalTo("SEATS_EXHAUSTED"));

        Database.execute("UPDATE host_binding SET released_at = UTC_TIMESTAMP(6), released_by = 'STAFF' WHERE host_id = ?",
                first);

        Pbx.activate(number, Pbx.newHostId()).then().statusCode(200).body("features[0].seatsUsed", equalTo(2));
        assertEquals(2, seatsTaken(number));
        assertSeatsTakenAreTheBoundHosts(number);
    }

    @Test
    void bindingsMovedDeletedAndRestoredBySqlAreCounted() {
        String number = Pbx.register(34);
        Database.grantPerpetualLicense(number, 33, 5);
        String moved = Pbx.newHostId();
        String deleted = Pbx.newHostId();
        String restored = Pbx.newHostId();
        for (String host : new String[] {moved, deleted, restored}) {
            Pbx.activate(number, host).then().statusCode(200);
        }
        Database.grantPerpetualLicense(number, 33, 5);

        Database.execute("UPDATE host_binding SET license_id = (SELECT MAX(id) FROM (" + LICENSES + ") l) WHERE host_id = ?",
                number, moved);
        Database.execute("DELETE FROM host_binding WHERE host_id = ?", deleted);
        Database.execute("UPDATE host_binding SET released_at = UTC_TIMESTAMP(6), released_by = 'STAFF' WHERE host_id = ?",
                restored);
        Database.execute("UPDATE host_binding SET released_at = NULL, released_by = NULL WHERE host_id = ?", restored);

        assertEquals(2, seatsTaken(number));
        assertSeatsTakenAreTheBoundHosts(number);
        Pbx.check(number, restored).then().statusCode(200).body("features.seatsUsed", equalTo(List.of(1)));
        Pbx.check(number, moved).then().statusCode(200).body("features.seatsUsed", equalTo(List.of(1)));
    }

    @Test
    void aResetThroughTheApiFreesTheSeat() {
        String number = Pbx.register(34);
        Database.grantPerpetualLicense(number, 33, 1);
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);

        Pbx.reset(number, host).then().statusCode(204);

        assertEquals(0, seatsTaken(number));
        Pbx.activate(number, Pbx.newHostId()).then().statusCode(200).body("features[0].seatsUsed", equalTo(1));
        assertSeatsTakenAreTheBoundHosts(number);
    }

    /** The seats taken of all the registration's paid licenses together, as the database keeps them. */
    private static long seatsTaken(String number) {
        return Database.count("SELECT COALESCE(SUM(taken), 0) FROM license_seats WHERE license_id IN (" + LICENSES + ")",
                number);
    }

    private static void assertSeatsTakenAreTheBoundHosts(String number) {
        assertEquals(0, Database.count("""
                SELECT COUNT(*) FROM license l LEFT JOIN license_seats s ON s.license_id = l.id
                WHERE l.registration_id = (SELECT id FROM registration WHERE number = ?)
                AND COALESCE(s.taken, 0) <> (SELECT COUNT(*) FROM host_binding b
                                             WHERE b.license_id = l.id AND b.released_at IS NULL)""", number),
                "licenses whose seats taken differ from their bound hosts");
    }
}
