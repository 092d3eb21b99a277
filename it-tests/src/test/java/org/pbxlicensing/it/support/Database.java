package org.pbxlicensing.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct reads of the server's database, to check what was (not) written. */
public final class Database {

    private Database() {
    }

    public static long count(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(System.getProperty("it.db.url"),
                System.getProperty("it.db.user"), System.getProperty("it.db.password"));
                var statement = connection.prepareStatement(sql)) {
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
}
