package org.pbxlicensing.it.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.StaffLogin;
import org.pbxlicensing.it.support.Store;
import org.pbxlicensing.it.support.SystemTest;

/**
 * Runs after every other test class (see {@code junit-platform.properties}): the server's log of
 * the whole run holds no registration number, coupon code or staff password whole, in any of the
 * spellings the server accepts (any case, with or without dashes and spaces).
 */
@SystemTest
@Order(Integer.MAX_VALUE)
class SecretsInLogIT {

    private static final Path LOG_DIRECTORY = Path.of(System.getProperty("it.server.base", "target/wildfly-base"), "log");

    @Test
    void noSecretOfTheRunIsInTheServerLog() throws IOException {
        // Secrets of its own, so that the check means something even when it runs alone.
        Store.activate(Store.coupon(33, 1), Pbx.register()).then().statusCode(200);
        String log = serverLog();
        assertTrue(log.contains("WFLYSRV0025"), "the log of the server under test is in " + LOG_DIRECTORY);

        Set<String> codes = new HashSet<>();
        codes.addAll(column("SELECT number FROM registration"));
        codes.addAll(column("SELECT code FROM coupon"));
        assertFalse(codes.isEmpty(), "the run made registrations");
        List<String> leaked = new ArrayList<>(codesIn(log, codes));
        for (String password : StaffLogin.passwordsUsed()) {
            if (log.contains(password)) {
                leaked.add("staff password " + password.charAt(0) + "…");
            }
        }

        assertTrue(leaked.isEmpty(), "whole secrets in the server log: " + leaked);
    }

    /** The codes that occur whole in the log, found in its text without dashes and spaces, upper case. */
    private static Set<String> codesIn(String log, Set<String> codes) {
        String text = log.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        Set<String> compact = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        Set<Integer> lengths = new HashSet<>();
        for (String code : codes) {
            String squeezed = code.replace("-", "");
            compact.add(squeezed);
            prefixes.add(code.substring(0, code.indexOf('-')));
            lengths.add(squeezed.length());
        }
        Set<String> found = new TreeSet<>();
        for (String prefix : prefixes) {
            for (int at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
                for (int length : lengths) {
                    if (at + length <= text.length() && compact.contains(text.substring(at, at + length))) {
                        found.add(text.substring(at, at + length));
                    }
                }
            }
        }
        return found;
    }

    private static String serverLog() throws IOException {
        assertTrue(Files.isDirectory(LOG_DIRECTORY), LOG_DIRECTORY + " exists");
        var text = new StringBuilder();
        try (Stream<Path> files = Files.list(LOG_DIRECTORY)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }

    private static List<String> column(String sql) {
        try (var connection = Database.connect();
                var rows = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
