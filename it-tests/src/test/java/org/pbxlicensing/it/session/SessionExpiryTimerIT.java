package org.pbxlicensing.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.SessionClient;
import org.pbxlicensing.it.support.SystemTest;

/**
 * The timer that expires stale sessions is a persistent timer kept in the database, so that a
 * cluster runs it once; it runs every minute, so this test waits for at most one run.
 */
@SystemTest
class SessionExpiryTimerIT {

    @Test
    void theTimerIsKeptInTheDatabaseOnce() {
        assertEquals(1, Database.count("""
                SELECT COUNT(*) FROM JBOSS_EJB_TIMER
                WHERE PARTITION_NAME = 'licensing' AND TIMEOUT_METHOD_NAME = 'expireStaleSessions'"""));
    }

    @Test
    void theTimerExpiresSessionsThatNobodyTouches() {
        String number = Pbx.register();
        String session = SessionClient.captured(number);
        // As if its last heartbeat were long ago: only the timer, which sees the real time, can notice.
        Database.execute("""
                UPDATE license_session SET last_heartbeat_at = UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE,
                    expires_at = UTC_TIMESTAMP(6) - INTERVAL 5 MINUTE
                WHERE session_id = ?""", session);

        Poll.until("the session expired by the timer, which fires every minute", Duration.ofSeconds(75),
                () -> SessionClient.endedAs(session, "EXPIRED") ? true : null);
        assertEquals(0, SessionClient.liveSessions(number));
    }
}
