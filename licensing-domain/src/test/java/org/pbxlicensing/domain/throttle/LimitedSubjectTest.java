package org.pbxlicensing.domain.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitedSubjectTest {

    private static final AttemptLimit LIMIT = new AttemptLimit("failed-lookup", 20, Duration.ofMinutes(10));

    @Test
    void aShortAsciiSubjectIsCountedAsItIs() {
        assertEquals("2001:db8::1", LIMIT.of("2001:db8::1").subject());
    }

    @Test
    void aLongOrNonAsciiSubjectIsCountedByItsDigest() {
        String digest = LIMIT.of("x".repeat(65)).subject();
        String cyrillic = LIMIT.of("пользователь").subject();

        assertEquals(64, digest.length());
        assertEquals(64, cyrillic.length());
        assertEquals(LimitedSubject.digest("пользователь"), cyrillic);
        assertNotEquals(digest, cyrillic);
    }

    @Test
    void theDigestIsTheOneMariaDbComputes() {
        // SHA2('abc', 256), as the tests and an operator compute it in SQL
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", LimitedSubject.digest("abc"));
    }

    @Test
    void aSubjectIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> LIMIT.of(null));
        assertThrows(IllegalArgumentException.class, () -> LIMIT.of(""));
    }

    @Test
    void subjectsAreLockedInTheOrderOfBucketThenSubject() {
        var other = new AttemptLimit("staff-login-client", 20, Duration.ofMinutes(15));

        assertEquals(-1, Integer.signum(LIMIT.of("b").lockKey().compareTo(other.of("a").lockKey())));
        assertEquals(-1, Integer.signum(LIMIT.of("a").lockKey().compareTo(LIMIT.of("b").lockKey())));
    }
}
