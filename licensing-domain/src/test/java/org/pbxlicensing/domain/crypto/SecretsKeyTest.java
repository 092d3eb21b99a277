package org.pbxlicensing.domain.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsKeyTest {

    private static final byte[] SECRET = "the private seed of a signing key".getBytes(StandardCharsets.UTF_8);

    private final SecretsKey key = SecretsKey.generate();

    @Test
    void aSealedSecretOpensWithTheSameKeyAndContext() {
        assertArrayEquals(SECRET, key.open(key.seal(SECRET, "signing_key 1"), "signing_key 1"));
    }

    @Test
    void theSealedValueHoldsNothingOfTheSecret() {
        String sealed = key.seal(SECRET, "signing_key 1");
        assertTrue(SecretsKey.isSealed(sealed));
        assertFalse(sealed.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET).substring(0, 16)));
        assertFalse(SecretsKey.isSealed(Base64.getUrlEncoder().encodeToString(SECRET)));
    }

    @Test
    void everySealingTakesAFreshNonce() {
        assertNotEquals(key.seal(SECRET, "signing_key 1"), key.seal(SECRET, "signing_key 1"));
    }

    @Test
    void anotherKeyIsToldByItsId() {
        String sealed = key.seal(SECRET, "signing_key 1");
        SecretsKey other = SecretsKey.generate();
        var refused = assertThrows(IllegalStateException.class, () -> other.open(sealed, "signing_key 1"));
        assertTrue(refused.getMessage().contains(key.id()), refused.getMessage());
    }

    @Test
    void aValueMovedToAnotherContextDoesNotOpen() {
        String sealed = key.seal(SECRET, "signing_key 1");
        assertThrows(IllegalStateException.class, () -> key.open(sealed, "signing_key 2"));
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        String sealed = key.seal(SECRET, "signing_key 1");
        int middle = sealed.length() - 10;
        String altered = sealed.substring(0, middle) + (sealed.charAt(middle) == 'A' ? 'B' : 'A')
                + sealed.substring(middle + 1);
        assertThrows(IllegalStateException.class, () -> key.open(altered, "signing_key 1"));
    }

    @Test
    void aKeyFileThatOthersMayReadIsRefused(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("secrets.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[SecretsKey.KEY_LENGTH]));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        var refused = assertThrows(IllegalStateException.class, () -> SecretsKey.read(file));
        assertTrue(refused.getMessage().contains("chmod 600"), refused.getMessage());
    }

    @Test
    void aKeyFileIsReadAsBase64AndItsContentNeverShows(@TempDir Path folder) throws Exception {
        byte[] bytes = new byte[SecretsKey.KEY_LENGTH];
        bytes[0] = 7;
        Path file = folder.resolve("secrets.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        SecretsKey read = SecretsKey.read(file);
        assertEquals(SecretsKey.of(bytes).id(), read.id());
        assertFalse(read.toString().contains(Base64.getEncoder().encodeToString(bytes)));

        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[16]));
        var tooShort = assertThrows(IllegalStateException.class, () -> SecretsKey.read(file));
        assertTrue(tooShort.getMessage().contains("16 bytes"), tooShort.getMessage());
        assertThrows(IllegalStateException.class, () -> SecretsKey.read(folder.resolve("missing.key")));
    }
}
