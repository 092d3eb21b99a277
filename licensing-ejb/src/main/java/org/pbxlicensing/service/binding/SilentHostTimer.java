package org.pbxlicensing.service.binding;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Releases the bindings of silent hosts once a day on every node; the conditional update of each
 * binding decides which node releases it.
 */
@Singleton
public class SilentHostTimer {

    private static final Logger LOG = Logger.getLogger(SilentHostTimer.class.getName());

    @Inject
    SilentHostSweep sweep;

    @Inject
    ServerClock clock;

    @Schedule(hour = "3", minute = "17", persistent = false)
    void sweepDaily() {
        int released = sweep.sweep(clock.now(), null);
        if (released > 0) {
            LOG.info(() -> released + " binding(s) of silent hosts released");
        }
    }
}
