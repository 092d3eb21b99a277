package org.pbxlicensing.domain.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginLinkTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aTokenCarries256RandomBitsInAUrlSafeForm() {
        var token = LoginLinkToken.generate(RANDOM);
        assertTrue(token.value().matches("[A-Za-z0-9_-]{43}"), token.value());
        assertNotEquals(token, LoginLinkToken.generate(RANDOM));
    }

    @Test
    void theLinkKeepsTheDigestNotTheToken() {
        var token = LoginLinkToken.generate(RANDOM);
        assertEquals(64, token.digest().length());
        assertFalse(token.digest().contains(token.value()));
        assertFalse(token.toString().contains(token.value()));
    }

    @Test
    void whatCannotBeATokenIsNeverLookedUp() {
        assertEquals(Optional.empty(), LoginLinkToken.tryParse("abc"));
        assertEquals(Optional.empty(), LoginLinkToken.tryParse("' or 1=1 --" + "x".repeat(32)));
        assertEquals(Optional.empty(), LoginLinkToken.tryParse(null));
    }

    @Test
    void aLinkLogsInForFifteenMinutes() {
        var link = new LoginLink(LoginLinkToken.generate(RANDOM), "Ivan@Example.com", NOW);
        assertEquals("ivan@example.com", link.email());
        assertEquals(Optional.empty(), link.refusalAt(NOW.plus(Duration.ofMinutes(14).plusSeconds(59))));
        assertEquals(Optional.of(LoginLinkRefusal.EXPIRED), link.refusalAt(NOW.plus(Duration.ofMinutes(15))));
    }
}
