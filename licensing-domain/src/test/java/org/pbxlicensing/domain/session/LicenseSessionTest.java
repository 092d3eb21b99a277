package org.pbxlicensing.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.audit.Actor;
import org.pbxlicensing.domain.audit.ActorType;
import org.pbxlicensing.domain.catalog.CountingMode;
import org.pbxlicensing.domain.catalog.Feature;
import org.pbxlicensing.domain.license.License;
import org.pbxlicensing.domain.license.LicenseSource;
import org.pbxlicensing.domain.registration.Registration;
import org.pbxlicensing.domain.registration.RegistrationForm;
import org.pbxlicensing.domain.registration.RegistrationNumberFormat;

class LicenseSessionTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(300);
    private static final Feature PANEL = new Feature(46, "CRM panel", CountingMode.PER_SESSION, 30, 1);
    private static final Feature PBX = new Feature(33, "Askozia PBX", CountingMode.PER_HOST, 30, 1);
    private static final Actor STAFF = new Actor(ActorType.ADMIN, "support-anna", "10.0.0.9");

    @Test
    void capturedSessionIsLiveUntilItsTimeToLiveHasPassedSinceItsLastHeartbeat() {
        var session = capture();
        assertEquals(NOW, session.startedAt());
        assertEquals(NOW, session.lastHeartbeatAt());
        assertEquals(NOW.plus(TTL), session.expiresAt());
        assertTrue(session.isLiveAt(NOW));
        assertTrue(session.isLiveAt(NOW.plus(TTL).minusNanos(1000)));
        assertFalse(session.isLiveAt(NOW.plus(TTL)), "expires exactly at its expiry");
        assertEquals(Optional.empty(), session.endReasonAsOf(NOW.plus(TTL).minusSeconds(1)));
    }

    @Test
    void aSessionThatMissedItsHeartbeatCountsAsExpiredAtItsExpiryBeforeItIsMarked() {
        var session = capture();
        Instant later = NOW.plus(Duration.ofMinutes(6));
        assertEquals(Optional.of(SessionEnd.EXPIRED), session.endReasonAsOf(later));
        assertEquals(Optional.of(NOW.plus(TTL)), session.endedAtAsOf(later));
    }

    @Test
    void expiryAfterAHeartbeatIsTheHeartbeatPlusTheTimeToLive() {
        Instant heartbeat = NOW.plusSeconds(240);
        assertEquals(NOW.plusSeconds(540), LicenseSession.expiryAfterHeartbeat(heartbeat, TTL));
        assertThrows(IllegalArgumentException.class, () -> LicenseSession.expiryAfterHeartbeat(NOW, Duration.ZERO));
    }

    @Test
    void releaseEndsALiveSessionOnce() {
        var session = capture();
        Instant at = NOW.plusSeconds(60);
        assertTrue(session.release(at));
        assertFalse(session.isLiveAt(at));
        assertEquals(Optional.of(SessionEnd.RELEASED), session.endReasonAsOf(at));
        assertEquals(Optional.of(at), session.endedAtAsOf(at));

        assertFalse(session.release(at.plusSeconds(1)), "a second release changes nothing");
        assertEquals(Optional.of(at), session.endedAtAsOf(at.plusSeconds(1)));
    }

    @Test
    void releasingASessionThatMissedItsHeartbeatMarksItExpiredInstead() {
        var session = capture();
        Instant late = NOW.plus(Duration.ofMinutes(10));
        assertFalse(session.release(late));
        assertEquals(Optional.of(SessionEnd.EXPIRED), session.endReasonAsOf(late));
        assertEquals(Optional.of(NOW.plus(TTL)), session.endedAtAsOf(late));
    }

    @Test
    void staffDropALiveSessionWithTheirNameAndReason() {
        var session = capture();
        assertTrue(session.drop(STAFF, "customer asked", NOW.plusSeconds(10)));
        assertEquals(Optional.of(SessionEnd.DROPPED), session.endReasonAsOf(NOW.plusSeconds(10)));
        assertEquals("support-anna", session.droppedBy());
        assertEquals("customer asked", session.dropReason());
    }

    @Test
    void droppingAnEndedSessionChangesNothing() {
        var session = capture();
        session.release(NOW.plusSeconds(5));
        assertFalse(session.drop(STAFF, "too late", NOW.plusSeconds(10)));
        assertEquals(Optional.of(SessionEnd.RELEASED), session.endReasonAsOf(NOW.plusSeconds(10)));
        assertNull(session.droppedBy());
    }

    @Test
    void keepsWhoHoldsIt() {
        var session = capture();
        assertEquals(new SessionHolder("host-1", "ivan", "crm-panel"), session.holder());
        assertEquals(46, session.featureNumber());
        assertEquals("192.0.2.7", session.clientAddress());
    }

    @Test
    void onlyPerSessionFeaturesHaveSessions() {
        var license = License.perpetual(registration(), PBX, 3, LicenseSource.STAFF, null, NOW);
        assertThrows(IllegalArgumentException.class, () -> new LicenseSession(license,
                SessionId.generate(new Random(1)), new SessionHolder(null, null, null), null, NOW, TTL));
    }

    private static LicenseSession capture() {
        var license = License.perpetual(registration(), PANEL, 3, LicenseSource.STAFF, null, NOW);
        return new LicenseSession(license, SessionId.generate(new Random(7)),
                new SessionHolder("host-1", "ivan", "crm-panel"), "192.0.2.7", NOW, TTL);
    }

    private static Registration registration() {
        var form = new RegistrationForm("ООО Ромашка", "Иван Петров", "ivan@example.com", null, null, null, null, 33,
                true);
        return new Registration(RegistrationNumberFormat.withDefaultPrefix().generate(new java.security.SecureRandom()),
                form, "ru", NOW);
    }
}
