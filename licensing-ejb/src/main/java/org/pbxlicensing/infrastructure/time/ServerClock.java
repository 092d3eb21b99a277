package org.pbxlicensing.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time every business rule reads. Where the configuration allows it (tests only), a request
 * may shift the time it sees, so that a test sees a trial end without waiting for it and without
 * moving the time of any other request.
 */
@ApplicationScoped
public class ServerClock {

    private static final ThreadLocal<Duration> REQUEST_SHIFT = new ThreadLocal<>();

    /** Now, to the second: every time the API shows or signs is a whole second. */
    public Instant now() {
        Instant now = Instant.now();
        Duration shift = REQUEST_SHIFT.get();
        return (shift == null ? now : now.plus(shift)).truncatedTo(ChronoUnit.SECONDS);
    }

    public static void shiftCurrentRequest(Duration shift) {
        REQUEST_SHIFT.set(shift);
    }

    public static void endShift() {
        REQUEST_SHIFT.remove();
    }
}
