package org.pbxlicensing.infrastructure.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema to the newest migration when the application starts, before any other bean
 * touches it. Start-up beans that use the database declare {@code @DependsOn("SchemaMigration")}.
 */
@Startup
@Singleton(name = "SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    private static final String TIMER_TABLE = "JBOSS_EJB_TIMER";

    @Resource(lookup = "java:jboss/datasources/LicensingDS")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "licensing.db.startup-wait-seconds", defaultValue = "120")
    int startupWaitSeconds;

    @Inject
    @ConfigProperty(name = "licensing.db.server-prepared-statements", defaultValue = "true")
    boolean serverPreparedStatements;

    @PostConstruct
    void migrate() {
        boolean baseline;
        try (Connection connection = awaitDatabase(Duration.ofSeconds(startupWaitSeconds))) {
            refuseAGaleraMemberWithoutItsSettings(connection);
            baseline = holdsOnlyTheTimerTable(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database before migrating it: " + e.getMessage(), e);
        }
        var flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration");
        if (baseline) {
            // The server's persistent timer store creates its table at boot, maybe before the first migration.
            flyway.baselineOnMigrate(true).baselineVersion("0");
        }
        var result = flyway.load().migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /**
     * A Galera member without the settings the schema and the seat claims rely on would let two nodes
     * both win a race; the node does not start on one.
     */
    private void refuseAGaleraMemberWithoutItsSettings(Connection connection) throws SQLException {
        Map<String, String> variables = new HashMap<>();
        try (var statement = connection.prepareStatement("SHOW VARIABLES WHERE Variable_name IN ('wsrep_on', "
                        + "'binlog_format', 'innodb_autoinc_lock_mode', 'log_bin', 'log_bin_trust_function_creators', "
                        + "'wsrep_sync_wait')");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                variables.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2));
            }
        }
        var missing = GaleraSettings.missing(variables, serverPreparedStatements);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The database is a Galera member without the settings this server needs: "
                    + String.join("; ", missing));
        }
        if ("ON".equalsIgnoreCase(variables.get("wsrep_on"))) {
            LOG.info("The database is a Galera member with the settings this server needs");
        }
    }

    /** Whether the database is new but for the table of the EJB timer store (see configure-server.cli). */
    private static boolean holdsOnlyTheTimerTable(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()");
                var rows = statement.executeQuery()) {
            List<String> tables = new ArrayList<>();
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
            return tables.size() == 1 && tables.get(0).equalsIgnoreCase(TIMER_TABLE);
        }
    }

    /**
     * A server may boot before its database; wait for it rather than fail the deployment at once. The
     * connection that answered is the one the checks before the migration use.
     */
    private Connection awaitDatabase(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            String problem;
            SQLException failure = null;
            try {
                Connection connection = dataSource.getConnection();
                if (connection.isValid(5)) {
                    return connection;
                }
                connection.close();
                problem = "the connection did not answer";
            } catch (SQLException e) {
                problem = e.getMessage();
                failure = e;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The database is unreachable: " + problem, failure);
            }
            String reason = problem;
            LOG.warning(() -> "Waiting for the database: " + reason);
            sleepOneSecond();
        }
    }

    private static void sleepOneSecond() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }
}
