package org.pbxlicensing.service.session;

import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Frees the seats of sessions that stopped heartbeating even when nobody captures a seat of their
 * license. The timer is persistent and the server keeps persistent timers in the database, so in a
 * cluster each firing runs on one node only. The server stores the timer when the bean starts, so
 * the bean starts after the schema migration, which waits for a database that comes up late.
 */
@Singleton
@DependsOn("SchemaMigration")
public class SessionExpiryTimer {

    private static final Logger LOG = Logger.getLogger(SessionExpiryTimer.class.getName());
    private static final int REGISTRATIONS_PER_RUN = 500;

    @Inject
    SessionSeats seats;

    @Inject
    ServerClock clock;

    @Schedule(hour = "*", minute = "*", persistent = true, info = "expire stale sessions")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void expireStaleSessions() {
        Instant now = clock.now();
        // One line per firing and cluster: the node that logs it is the one that ran it.
        LOG.info(() -> "Session expiry run of " + now.truncatedTo(ChronoUnit.MINUTES));
        for (long registrationId : seats.registrationsWithStaleSessions(now, REGISTRATIONS_PER_RUN)) {
            try {
                seats.expireStaleSessions(registrationId, now);
            } catch (EJBException e) {
                LOG.warning(() -> "Stale sessions of registration " + registrationId + " not expired yet: "
                        + e.getMessage());
            }
        }
    }
}
