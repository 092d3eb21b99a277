package org.pbxlicensing.it.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something that happens after an answer (a mail, a row), checking often, for a bounded time. */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Poll() {
    }

    /**
     * @param probe answers the awaited value, or null while it is not there yet
     * @throws AssertionError naming {@code what} when {@code patience} ran out
     */
    public static <T> T until(String what, Duration patience, Supplier<T> probe) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + patience.toSeconds() + " s in vain for " + what);
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }
}
