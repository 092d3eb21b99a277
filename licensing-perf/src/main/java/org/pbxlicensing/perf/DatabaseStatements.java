package org.pbxlicensing.perf;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the statements the server's database ran (global status counters), when the benchmark may
 * read them: a figure per request that, unlike latency, does not depend on how busy the machine is.
 * Meaningful only while nothing else uses that database.
 */
final class DatabaseStatements {

    /** Statements per request of a scenario: all of them, reads, and writes. */
    record PerRequest(double all, double reads, double writes) {
    }

    private final String url;
    private final String user;
    private final String password;
    private Map<String, Long> before;

    DatabaseStatements(String url, String user, String password, String passwordFile) {
        this.url = url == null || url.isBlank() ? null : url;
        this.user = user;
        this.password = this.url == null ? null : DatabasePassword.of(password, passwordFile);
    }

    boolean enabled() {
        return url != null;
    }

    void start() {
        if (enabled()) {
            before = counters();
        }
    }

    PerRequest perRequest(long requests) {
        Map<String, Long> after = counters();
        double all = (after.get("Questions") - before.get("Questions")) / (double) Math.max(1, requests);
        double reads = (after.get("Com_select") - before.get("Com_select")) / (double) Math.max(1, requests);
        long writes = 0;
        for (String counter : new String[] {"Com_insert", "Com_update", "Com_delete", "Com_insert_select"}) {
            writes += after.get(counter) - before.get(counter);
        }
        return new PerRequest(all, reads, writes / (double) Math.max(1, requests));
    }

    private Map<String, Long> counters() {
        try (Connection db = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "sslMode=disable",
                user, password);
                var statement = db.createStatement();
                var rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_select',"
                        + " 'Com_insert', 'Com_update', 'Com_delete', 'Com_insert_select')")) {
            Map<String, Long> counters = new HashMap<>();
            while (rows.next()) {
                counters.put(rows.getString(1), rows.getLong(2));
            }
            return counters;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's status counters: " + e.getMessage(), e);
        }
    }
}
