package org.pbxlicensing.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionIdTest {

    @Test
    void isOneHundredTwentyEightRandomBitsInBase64Url() {
        var id = SessionId.generate(new SecureRandom());
        assertEquals(22, id.value().length());
        assertTrue(id.value().matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void idsDoNotRepeat() {
        var random = new SecureRandom();
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(SessionId.generate(random).value()));
        }
    }

    @Test
    void everyBitComesFromTheGenerator() {
        assertEquals(SessionId.generate(new Random(42)), SessionId.generate(new Random(42)));
        assertNotEquals(SessionId.generate(new Random(42)), SessionId.generate(new Random(43)));
    }

    @Test
    void textThatCannotBeAnIdIsNoId() {
        var id = SessionId.generate(new SecureRandom());
        assertEquals(Optional.of(id), SessionId.tryParse(id.value()));
        for (String text : new String[] {null, "", "x", id.value() + "A", id.value().substring(1) + "=",
                id.value().substring(1) + "/", "'; DROP TABLE license_session; --"}) {
            assertEquals(Optional.empty(), SessionId.tryParse(text), String.valueOf(text));
        }
        assertThrows(IllegalArgumentException.class, () -> new SessionId("not an id"));
    }
}
