package org.pbxlicensing.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theRightPasswordMatchesItsHash() {
        String hash = PasswordHash.hash("correct horse".toCharArray());
        assertTrue(PasswordHash.verify("correct horse".toCharArray(), hash));
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String hash = PasswordHash.hash("correct horse".toCharArray());
        assertFalse(PasswordHash.verify("correct horsE".toCharArray(), hash));
        assertFalse(PasswordHash.verify("".toCharArray(), hash));
    }

    @Test
    void theHashCarriesItsAlgorithmIterationsAndSaltAndNeverThePassword() {
        String hash = PasswordHash.hash("secret-password".toCharArray());
        String[] parts = hash.split(":");
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 210_000);
        assertFalse(hash.contains("secret-password"));
    }

    @Test
    void theSamePasswordGetsADifferentSaltEachTime() {
        assertNotEquals(PasswordHash.hash("same".toCharArray()), PasswordHash.hash("same".toCharArray()));
    }

    @Test
    void aMalformedStoredHashMatchesNothing() {
        assertFalse(PasswordHash.verify("x".toCharArray(), null));
        assertFalse(PasswordHash.verify("x".toCharArray(), "plain"));
        assertFalse(PasswordHash.verify("x".toCharArray(), "PBKDF2WithHmacSHA256:abc:!!:!!"));
    }

    @Test
    void aLoginOfNoUserMatchesNothing() {
        assertFalse(PasswordHash.verifyAgainstNoHash("".toCharArray()));
        assertFalse(PasswordHash.verifyAgainstNoHash("any-password".toCharArray()));
    }

    @Test
    void randomPasswordsAreLongAndDistinct() {
        String one = PasswordHash.randomPassword();
        assertTrue(one.length() >= 20);
        assertNotEquals(one, PasswordHash.randomPassword());
    }
}
