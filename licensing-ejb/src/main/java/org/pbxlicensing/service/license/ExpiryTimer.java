package org.pbxlicensing.service.license;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Sweeps for due expiry reminders and notices every hour on every node; the notice rows in the
 * database decide which node sends each one.
 */
@Singleton
public class ExpiryTimer {

    private static final Logger LOG = Logger.getLogger(ExpiryTimer.class.getName());

    @Inject
    ExpirySweep sweep;

    @Inject
    ServerClock clock;

    @Schedule(hour = "*", minute = "7", persistent = false)
    void sweepHourly() {
        int sent = sweep.sweep(clock.now(), null);
        if (sent > 0) {
            LOG.info(() -> sent + " license expiry reminder(s) and notice(s) queued");
        }
    }
}
