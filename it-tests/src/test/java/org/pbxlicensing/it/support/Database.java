package org.pbxlicensing.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct reads of the server's database, to check what was (not) written. */
public final class Database {

    private Database() {
    }

    public static long count(String sql, Object... parameters) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, as text. */
    public static java.util.List<String> strings(String sql, Object... parameters) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                var strings = new java.util.ArrayList<String>();
                while (rows.next()) {
                    strings.add(rows.getString(1));
                }
                return strings;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection counters;

    /**
     * The statements clients have sent the database so far, all clients together, from its global
     * status counters: every statement ({@code Questions}) but transaction control, session settings
     * and the reading of these counters. Statements that triggers run are not sent, and not counted
     * ({@code Com_insert} and its kind would count them). The difference over a request is what the
     * request sent, when nothing else ran; the counters are read over one connection kept open, so
     * that opening it is not counted either.
     */
    public static synchronized long statements() {
        try {
            if (counters == null || !counters.isValid(1)) {
                counters = connect();
            }
            try (var statement = counters.createStatement(); var rows = statement.executeQuery("""
                    SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_commit', 'Com_rollback',
                    'Com_begin', 'Com_set_option', 'Com_show_status', 'Com_savepoint', 'Com_release_savepoint',
                    'Com_rollback_to_savepoint', 'Com_xa_start', 'Com_xa_end', 'Com_xa_prepare', 'Com_xa_commit',
                    'Com_xa_rollback', 'Com_xa_recover')""")) {
                long sent = 0;
                while (rows.next()) {
                    sent += "Questions".equals(rows.getString(1)) ? rows.getLong(2) : -rows.getLong(2);
                }
                return sent;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets up what the API cannot create yet (or should not, in a test's setup), e.g. a paid license. */
    public static int execute(String sql, Object... parameters) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives the registration a paid perpetual license of the feature with the seats. */
    public static void grantPerpetualLicense(String registrationNumber, int feature, int seats) {
        execute("""
                INSERT INTO license (registration_id, feature_number, kind, seats, starts_at, source, created_at)
                SELECT id, ?, 'PERPETUAL', ?, UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE, 'STAFF', UTC_TIMESTAMP(6)
                FROM registration WHERE number = ?""", feature, seats, registrationNumber);
    }

    /**
     * Adds a feature of the calling test alone, counted per host, whose bindings are released after
     * {@code days} of silence; answers its number.
     */
    public static int addFeatureReleasingSilentHosts(int days) {
        int feature = 50_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000);
        execute("""
                INSERT INTO feature (number, name, counting_mode, trial_days, trial_seats, release_silent_after_days)
                VALUES (?, ?, 'PER_HOST', 30, 1, ?)""", feature, "Silent hosts test " + feature, days);
        return feature;
    }

    /** A connection as the server's: the embedded database's generated password, else the external one's. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                password());
    }

    private static String password() {
        Path generated = Path.of(System.getProperty("it.db.dir", "target/embedded-db"), "database-password");
        try {
            return Files.exists(generated) ? Files.readString(generated).strip() : System.getProperty("it.db.password");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
