package org.pbxlicensing.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxMailTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final OutboxMail mail = OutboxMail.registrationReminder("  Ivan@Example.COM ", "en", NOW);

    @Test
    void aNewMailIsDueAtOnceToTheNormalisedAddress() {
        assertEquals(MailStatus.PENDING, mail.status());
        assertNull(mail.nextAttemptAt());
        assertEquals("ivan@example.com", mail.recipient());
        assertEquals(MailKind.REGISTRATION_REMINDER, mail.kind());
    }

    @Test
    void aFailedAttemptIsRetriedLaterAndRemembersWhy() {
        mail.attemptFailed("Connection refused", NOW);
        assertEquals(MailStatus.PENDING, mail.status());
        assertEquals(1, mail.attempts());
        assertEquals(NOW.plus(RetrySchedule.FIRST_DELAY), mail.nextAttemptAt());
        assertEquals("Connection refused", mail.lastError());

        mail.sent(NOW.plusSeconds(10));
        assertEquals(MailStatus.SENT, mail.status());
        assertEquals(2, mail.attempts());
        assertNull(mail.lastError());
        assertEquals(NOW.plusSeconds(10), mail.finishedAt());
    }

    @Test
    void aMailIsGivenUpAfterTheLastAttempt() {
        for (int i = 0; i < RetrySchedule.MAX_ATTEMPTS; i++) {
            mail.attemptFailed("x".repeat(600), NOW);
        }
        assertEquals(MailStatus.FAILED, mail.status());
        assertEquals(500, mail.lastError().length());
    }

    @Test
    void aRefusedMailIsNotTriedAgain() {
        mail.refused("550 no such user", NOW);
        assertEquals(MailStatus.FAILED, mail.status());
        assertNull(mail.nextAttemptAt());
    }
}
