package org.pbxlicensing.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The provisioned WildFly with the real EAR, run by {@code standalone.sh} as a child process with a
 * base directory of its own, on the ports of the system tests ({@code it.port.offset}), so that a
 * test can kill it (SIGKILL of the JVM, which the script forked), stop it and boot it again on the
 * same base directory and database. {@link ServerUnderTest#api()} and the other helpers reach it.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> STANDALONE_EXCLUDED = List.of("data", "log", "tmp");

    private final Path home = Path.of(System.getProperty("it.server.home", "../licensing-ear/target/server"))
            .toAbsolutePath().normalize();
    private final Path base;
    private final Map<String, String> environment = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process script;
    private ProcessHandle jvm;

    private ServerProcess(Path base, DatabaseProcess database) {
        this.base = base;
        environment.put("LICENSING_DB_URL", database.jdbcUrl());
        environment.put("LICENSING_DB_USER", DatabaseProcess.USER);
        environment.put("LICENSING_DB_PASSWORD", database.password());
        environment.put("LICENSING_SECRETS_KEY_FILE", System.getProperty("it.secrets.key.file", "target/secrets.key"));
        environment.put("LICENSING_TEST_CLOCK_CONTROL", "true");
        environment.put("LICENSING_STORE_API_KEY", Store.API_KEY);
        environment.put("LICENSING_ADMIN_PASSWORD", System.getProperty("it.admin.password", "admin-password"));
        environment.put("LICENSING_HTTP_TRUSTED_PROXIES", "127.0.0.1");
    }

    /** A server with a fresh base directory copied from the provisioned one, booted on the database. */
    public static ServerProcess boot(String name, DatabaseProcess database) {
        return boot(name, database, settings -> { });
    }

    /** The same, with settings of the test's own for the first start. */
    public static ServerProcess boot(String name, DatabaseProcess database, Consumer<ServerProcess> settings) {
        var server = new ServerProcess(FaultDirectories.fresh(name + "-wildfly"), database);
        server.copyStandalone();
        settings.accept(server);
        server.start();
        return server;
    }

    /** A setting for the next start, as the operator's environment would give it; null takes it away. */
    public synchronized ServerProcess setting(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
        return this;
    }

    /** Boots the server (again, after a kill or stop) and waits until it is ready and the API answers. */
    public synchronized void start() {
        if (answers(ServerUnderTest.BASE_URL + "/api/v1/ping")) {
            throw new IllegalStateException("Another server answers at " + ServerUnderTest.BASE_URL);
        }
        var command = List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + System.getProperty("it.port.offset", "100"));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("LICENSING_"));
        builder.environment().putAll(environment);
        builder.environment().put("JBOSS_HOME", home.toString());
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx1g " + System.getProperty("it.server.jvm.quick", "")
                + " -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true");
        try {
            script = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
        jvm = null;
        while (jvm == null || !answers(ServerUnderTest.MANAGEMENT_URL + "/health/ready")
                || !answers(ServerUnderTest.BASE_URL + "/api/v1/ping")) {
            if (!script.isAlive()) {
                throw new IllegalStateException("The server exited while booting, see " + base.resolve("console.log"));
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("The server did not get ready, see " + base.resolve("console.log"));
            }
            if (jvm == null || !jvm.isAlive()) {
                jvm = script.descendants().filter(ServerProcess::isServerJvm).findFirst().orElse(null);
            }
            FaultDirectories.sleep(Duration.ofMillis(250));
        }
    }

    /**
     * A crash: SIGKILL of the server's JVM, nothing gets a chance to finish. The script that started
     * it goes too (after a SIGKILL of its JVM, {@code standalone.sh} would wait for it forever).
     */
    public synchronized void kill() {
        if (jvm != null) {
            jvm.destroyForcibly();
            await(jvm.onExit().toCompletableFuture());
        }
        if (script != null) {
            script.destroyForcibly();
            await(script.onExit());
        }
    }

    /** A clean shutdown, as an operator or a service manager does it: SIGTERM to the script, which relays it. */
    public synchronized void stop() {
        if (script != null && script.isAlive()) {
            script.destroy();
            try {
                if (jvm != null) {
                    jvm.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
            } catch (Exception notInTime) {
                // killed below
            }
            kill();
        }
    }

    /** The process id of the server's JVM (not of the script that started it). */
    public synchronized long pid() {
        return jvm.pid();
    }

    public synchronized boolean isRunning() {
        return jvm != null && jvm.isAlive();
    }

    public Path log() {
        return base.resolve("log/server.log");
    }

    @Override
    public synchronized void close() {
        if (script != null) {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            kill();
        }
    }

    private boolean answers(String url) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JVM that runs the server, not one the script starts to ask the JDK's version. */
    private static boolean isServerJvm(ProcessHandle process) {
        Optional<String> commandLine = process.info().commandLine();
        return commandLine.isPresent() && commandLine.get().contains("jboss-modules.jar");
    }

    private static void await(java.util.concurrent.CompletableFuture<?> exit) {
        try {
            exit.get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("A server process did not exit", e);
        }
    }

    private void copyStandalone() {
        Path from = home.resolve("standalone");
        try (var paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(source);
                if (relative.getNameCount() > 0 && STANDALONE_EXCLUDED.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path target = base.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
