package org.pbxlicensing.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.FacesClient;
import org.pbxlicensing.it.support.Race;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * The last enabled admin stays: two admins who are the only enabled ones demote each other at the same
 * moment, and one of them remains an enabled admin, every time.
 */
@SystemTest
class LastAdminRaceIT {

    private static final int ROUNDS = 4;

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() {
        List<String> others = Database.strings(
                "SELECT user_name FROM staff_user WHERE role = 'ADMIN' AND enabled = TRUE");
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String password = "race-password-" + TestData.unique();
                List<String> admins = List.of(StaffLogin.createUser("ADMIN", password),
                        StaffLogin.createUser("ADMIN", password));
                Database.execute("UPDATE staff_user SET enabled = FALSE WHERE role = 'ADMIN' AND user_name NOT IN (?, ?)",
                        admins.get(0), admins.get(1));
                List<FacesClient> clients = admins.stream().map(admin -> {
                    var client = new FacesClient();
                    client.logInToAdmin(admin, password);
                    assertEquals(200, client.get("/admin/staff.xhtml").statusCode(), admin);
                    return client;
                }).toList();

                String reason = "race round " + round;
                Race.run(2, i -> clients.get(i).ajaxPost("/admin/staff.xhtml", "manage:changeRole",
                        "manage:changeRole manage:target manage:newRole manage:manageReason", "staff messages",
                        Map.of("manage", "manage", "manage:target_input", admins.get(1 - i),
                                "manage:newRole_input", "VIEWER", "manage:manageReason", reason)).statusCode());

                assertEquals(1, Database.count("""
                        SELECT COUNT(*) FROM staff_user WHERE role = 'ADMIN' AND enabled = TRUE AND user_name IN (?, ?)""",
                        admins.get(0), admins.get(1)), "round " + round + ": one admin stays");
                assertTrue(Database.count("SELECT COUNT(*) FROM staff_user WHERE role = 'ADMIN' AND enabled = TRUE") >= 1);
                Database.execute("UPDATE staff_user SET enabled = FALSE WHERE user_name IN (?, ?)",
                        admins.get(0), admins.get(1));
            }
        } finally {
            for (String admin : others) {
                Database.execute("UPDATE staff_user SET enabled = TRUE WHERE user_name = ?", admin);
            }
        }
    }
}
