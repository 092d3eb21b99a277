package org.pbxlicensing.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time every business rule reads. Tests move it forward (see {@code ClockControl}) instead of
 * waiting for a trial to end.
 */
@ApplicationScoped
public class ServerClock {

    private volatile Duration offset = Duration.ZERO;

    /** Now, to the microsecond (what the database keeps). */
    public Instant now() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    public Duration offset() {
        return offset;
    }
}
