package org.pbxlicensing.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.SystemTest;

/**
 * The embedded database, as any other process of the machine meets it: only the password generated
 * at its first start opens it, and that password is in a file only its owner reads.
 */
@SystemTest
class EmbeddedDatabaseLoginIT {

    private static final String SERVER = "jdbc:mariadb://127.0.0.1:" + System.getProperty("it.db.port") + "/";
    private static final Path PASSWORD_FILE = Path.of(System.getProperty("it.db.dir"), "database-password");

    @BeforeAll
    static void onlyWhenTheTestsStartedTheEmbeddedDatabase() {
        assumeTrue(Files.exists(PASSWORD_FILE), "the tests run against an external database");
    }

    @Test
    void theGeneratedPasswordOpensTheDatabase() throws Exception {
        try (Connection connection = connect("licensing", Files.readString(PASSWORD_FILE).strip())) {
            assertTrue(connection.isValid(2));
        }
    }

    @Test
    void noOtherUserOrPasswordGetsIn() {
        for (String[] login : new String[][] {{"licensing", ""}, {"licensing", "licensing"}, {"root", ""},
                {"root", "root"}, {"", ""}, {"anyone", "anything"}, {"mariadb.sys", ""}}) {
            SQLException refused = assertThrows(SQLException.class, () -> connect(login[0], login[1]).close(),
                    "user '" + login[0] + "' with password '" + login[1] + "'");
            assertEquals("28000", refused.getSQLState(), "access denied, not another failure: " + refused);
        }
    }

    @Test
    void thePasswordFileIsReadableByItsOwnerOnly() throws Exception {
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(PASSWORD_FILE));
        assertTrue(Files.readString(PASSWORD_FILE).strip().length() >= 32, "at least 24 random bytes");
    }

    private static Connection connect(String user, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "2000");
        return DriverManager.getConnection(SERVER, properties);
    }
}
