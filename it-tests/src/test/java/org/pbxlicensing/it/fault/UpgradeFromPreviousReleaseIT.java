package org.pbxlicensing.it.fault;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pbxlicensing.it.support.Certificates;
import org.pbxlicensing.it.support.DatabaseProcess;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerProcess;
import org.pbxlicensing.it.support.StartedProcesses;

/**
 * An upgrade: the current server started on a database of the previous release — its schema made by
 * the migrations up to the one before the newest, holding a registration with an activated host —
 * migrates it and serves it. The host's check answers as before the upgrade, signed with the same key.
 */
class UpgradeFromPreviousReleaseIT {

    /** What an activation leaves in the database, parents first; the rest is derived by triggers. */
    private static final List<String> ACTIVATION_TABLES = List.of("registration", "email_owner", "license",
            "registration_trial", "host_trial", "host_binding", "signing_key");

    @RegisterExtension
    final StartedProcesses started = new StartedProcesses();

    @Test
    void theCurrentServerMigratesThePreviousReleasesDatabaseAndItsActivationsStillCheck() throws Exception {
        DatabaseProcess previousRelease = started.add(DatabaseProcess.fresh("upgrade-previous-release"));
        List<String> versions = migrationVersions(previousRelease);
        String previous = versions.get(versions.size() - 2);
        String newest = versions.get(versions.size() - 1);

        // The activation's rows, as a server writes them.
        DatabaseProcess recording = started.add(DatabaseProcess.fresh("upgrade-recording"));
        ServerProcess server = started.add(ServerProcess.boot("upgrade-recording", recording));
        String registration = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(registration, host).then().statusCode(200);
        String kidBefore = keyId(Pbx.check(registration, host).then().statusCode(200)
                .body("status", is("TRIAL")).extract().path("certificate"));
        server.stop();

        // The previous release's database: its schema, and those rows in it.
        migrate(previousRelease, previous);
        for (String table : ACTIVATION_TABLES) {
            copyRows(table, recording, previousRelease);
        }
        recording.stop();
        assertEquals(previous, schemaVersion(previousRelease));

        server = started.add(ServerProcess.boot("upgrade-current", previousRelease));
        assertEquals(newest, schemaVersion(previousRelease), "the start migrated the schema to the newest version");
        String certificate = Pbx.check(registration, host).then().statusCode(200)
                .body("status", is("TRIAL")).extract().path("certificate");
        Certificates.verify(certificate);
        assertEquals(kidBefore, keyId(certificate), "signed with the key the previous release kept");
    }

    /** Every migration's version, oldest first, as Flyway finds them for the empty database. */
    private static List<String> migrationVersions(DatabaseProcess empty) {
        MigrationInfo[] all = flyway(empty, null).info().all();
        List<String> versions = new ArrayList<>(Arrays.stream(all).map(info -> info.getVersion().getVersion()).toList());
        assertTrue(versions.size() >= 2, "at least two migrations: " + versions);
        return Collections.unmodifiableList(versions);
    }

    private static void migrate(DatabaseProcess database, String target) {
        flyway(database, target).migrate();
    }

    private static Flyway flyway(DatabaseProcess database, String target) {
        var configuration = Flyway.configure().locations("classpath:db/migration")
                .dataSource(database.jdbcUrl(), DatabaseProcess.USER, database.password());
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static String schemaVersion(DatabaseProcess database) {
        return String.valueOf(database.rows("SELECT version FROM flyway_schema_history WHERE success = 1"
                + " ORDER BY installed_rank DESC LIMIT 1").get(0).get(0));
    }

    /** The table's rows, but for its generated columns, which the database computes again. */
    private static void copyRows(String table, DatabaseProcess from, DatabaseProcess to) {
        List<String> columns = from.rows("SELECT column_name FROM information_schema.columns WHERE table_schema = ?"
                        + " AND table_name = ? AND extra NOT LIKE '%GENERATED%' ORDER BY ordinal_position",
                DatabaseProcess.NAME, table).stream().map(row -> (String) row.get(0)).toList();
        String names = String.join(", ", columns);
        String placeholders = String.join(", ", Collections.nCopies(columns.size(), "?"));
        for (List<Object> row : from.rows("SELECT " + names + " FROM " + table)) {
            to.execute("INSERT INTO " + table + " (" + names + ") VALUES (" + placeholders + ")", row.toArray());
        }
    }

    private static String keyId(String certificate) throws java.text.ParseException {
        return SignedJWT.parse(certificate).getHeader().getKeyID();
    }
}
