package org.pbxlicensing.it.fault;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pbxlicensing.domain.crypto.SecretsKey;
import org.pbxlicensing.it.support.Certificates;
import org.pbxlicensing.it.support.DatabaseProcess;
import org.pbxlicensing.it.support.FaultDirectories;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerProcess;
import org.pbxlicensing.it.support.StartedProcesses;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.TestData;

/**
 * {@code scripts/backup.sh} while the server runs, then {@code scripts/restore.sh} into an empty
 * MariaDB, and the server started on that one answers exactly as before: registrations, licenses,
 * bindings, coupons and the signing key all came back.
 */
class BackupRestoreIT {

    private static final List<String> TABLES = List.of("registration", "email_owner", "license",
            "registration_trial", "host_trial", "host_binding", "coupon_batch", "coupon", "signing_key",
            "staff_user", "flyway_schema_history");

    @RegisterExtension
    final StartedProcesses started = new StartedProcesses();

    @Test
    void aBackupTakenWhileServingRestoresIntoAnEmptyDatabaseAndTheServerAnswersTheSame() throws Exception {
        DatabaseProcess source = started.add(DatabaseProcess.fresh("backup-source"));
        ServerProcess server = started.add(ServerProcess.boot("backup-source", source));

        String paying = Pbx.register();
        String moving = Pbx.register();
        String idle = Pbx.register();
        List<String> coupons = Store.order("order-" + TestData.unique(), List.of(
                        Map.of("feature", 33, "seats", 3), Map.of("feature", 33, "seats", 2)))
                .then().statusCode(201).extract().path("coupons.code");
        String activated = coupons.get(0);
        String unused = coupons.get(1);
        Store.activate(activated, paying).then().statusCode(200);
        var hosts = List.of(new Host(paying, Pbx.newHostId()), new Host(paying, Pbx.newHostId()),
                new Host(moving, Pbx.newHostId()));
        hosts.forEach(host -> Pbx.activate(host.registration(), host.id()).then().statusCode(200));
        Pbx.reset(moving, hosts.get(2).id()).then().statusCode(204);
        var moved = new Host(moving, Pbx.newHostId());
        Pbx.activate(moving, moved.id()).then().statusCode(200);
        var everyHost = List.of(hosts.get(0), hosts.get(1), hosts.get(2), moved);

        Map<String, Long> rowsBefore = rowCounts(source);
        Map<Host, Object> checksBefore = answers(everyHost);
        Map<String, Object> bindingsBefore = bindings(List.of(paying, moving, idle));
        Map<String, String> keysBefore = publishedKeys();

        Path backup = FaultDirectories.fresh("backup").resolve("licensing.sql.gz");
        assertEquals(0, script("backup.sh", source, backup.toString()), "backup.sh");
        assertTrue(Files.size(backup) > 0);

        server.stop();
        source.stop();
        DatabaseProcess target = started.add(DatabaseProcess.fresh("backup-target"));
        assertEquals(0, script("restore.sh", target, backup.toString()), "restore.sh");
        assertNotEquals(0, script("restore.sh", target, backup.toString()), "a second restore into a full database");
        List<List<Object>> sealedKeys = target.rows("SELECT generation, kid, private_key FROM signing_key");
        storeInPlainText(target, sealedKeys);
        server = started.add(ServerProcess.boot("backup-target", target));
        assertSealedAgain(target, sealedKeys);

        assertEquals(rowsBefore, rowCounts(target));
        assertEquals(keysBefore, publishedKeys());
        assertEquals(checksBefore, answers(everyHost));
        assertEquals(bindingsBefore, bindings(List.of(paying, moving, idle)));
        Store.activate(activated, idle).then().statusCode(409).body("code", is("COUPON_ALREADY_ACTIVATED"));
        Store.activate(unused, idle).then().statusCode(200);
        Pbx.activate(idle, Pbx.newHostId()).then().statusCode(200);
    }

    /** As a build before the encryption of keys at rest stored them: the private seed in base64url. */
    private static void storeInPlainText(DatabaseProcess database, List<List<Object>> sealedKeys) {
        SecretsKey secretsKey = SecretsKey.read(Path.of(System.getProperty("it.secrets.key.file")));
        for (List<Object> key : sealedKeys) {
            byte[] seed = secretsKey.open((String) key.get(2), "signing_key " + key.get(0) + " " + key.get(1));
            database.execute("UPDATE signing_key SET private_key = ? WHERE generation = ?",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(seed), key.get(0));
        }
    }

    private static void assertSealedAgain(DatabaseProcess database, List<List<Object>> sealedKeys) {
        List<List<Object>> stored = database.rows("SELECT generation, kid, private_key FROM signing_key");
        assertEquals(sealedKeys.size(), stored.size());
        for (List<Object> key : stored) {
            assertTrue(SecretsKey.isSealed((String) key.get(2)), "the key of " + key.get(1) + " is sealed again");
        }
    }

    /**
     * What the checks of the hosts answer, without what differs from one minute to the next (times of
     * the certificate, days left): status, features and the key id of a certificate that verifies.
     */
    private static Map<Host, Object> answers(List<Host> hosts) throws ParseException {
        var answers = new LinkedHashMap<Host, Object>();
        for (Host host : hosts) {
            var check = Pbx.check(host.registration(), host.id()).then().statusCode(200).extract();
            String certificate = check.path("certificate");
            Certificates.verify(certificate);
            List<Map<String, Object>> features = check.path("features");
            answers.put(host, List.of(check.path("status"),
                    features.stream().map(feature -> List.of(feature.get("number"), feature.get("kind"),
                            String.valueOf(feature.get("expiresAt")), feature.get("seats"), feature.get("seatsUsed")))
                            .toList(),
                    SignedJWT.parse(certificate).getHeader().getKeyID(),
                    SignedJWT.parse(certificate).getJWTClaimsSet().getClaim("features").toString()));
        }
        return answers;
    }

    private static Map<String, Object> bindings(List<String> registrations) {
        var bindings = new LinkedHashMap<String, Object>();
        for (String registration : registrations) {
            List<Map<String, Object>> listed = api().get("/registrations/{number}/bindings", registration)
                    .then().statusCode(200).extract().path("$");
            bindings.put(registration, listed.stream().map(binding -> List.of(binding.get("hostId"),
                    String.valueOf(binding.get("hostName")), binding.get("feature").toString(),
                    binding.get("boundAt"))).collect(Collectors.toSet()));
        }
        return bindings;
    }

    /** kid → public key of every published signing key. */
    private static Map<String, String> publishedKeys() {
        return Certificates.keys().getKeys().stream()
                .collect(Collectors.toMap(JWK::getKeyID, key -> key.toPublicJWK().toJSONString()));
    }

    private static Map<String, Long> rowCounts(DatabaseProcess database) {
        var counts = new LinkedHashMap<String, Long>();
        TABLES.forEach(table -> counts.put(table, database.count("SELECT COUNT(*) FROM " + table)));
        counts.put("activated coupons", database.count("SELECT COUNT(*) FROM coupon WHERE state = 'ACTIVATED'"));
        counts.put("active bindings", database.count("SELECT COUNT(*) FROM host_binding WHERE released_at IS NULL"));
        return counts;
    }

    /** Runs a script of {@code scripts/} against the database, as an operator would; answers its exit code. */
    private static int script(String name, DatabaseProcess database, String argument)
            throws IOException, InterruptedException {
        Path scripts = Path.of(System.getProperty("it.scripts.dir", "../scripts")).toAbsolutePath().normalize();
        Path log = FaultDirectories.fresh(name + "-" + database.port()).resolve("output.log");
        var builder = new ProcessBuilder("bash", scripts.resolve(name).toString(), argument)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LICENSING_DB_URL", database.jdbcUrl());
        builder.environment().put("LICENSING_DB_USER", DatabaseProcess.USER);
        builder.environment().put("LICENSING_DB_PASSWORD", database.password());
        builder.environment().put("MARIADB_BIN", database.binaries().toString());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish, see " + log);
        }
        System.out.println(name + ": " + Files.readString(log));
        return process.exitValue();
    }

    private record Host(String registration, String id) {
    }
}
