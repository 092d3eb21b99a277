package org.pbxlicensing.web.intake;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies the server holds at once, read but not yet done with: bounded, so that
 * many clients sending large bodies together cannot exhaust the memory their buffers take.
 */
final class BodyBudget {

    private final long limit;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(long limit) {
        this.limit = limit;
    }

    /** @return whether the bytes fit; when they do, they are held until {@link #release} */
    boolean take(long bytes) {
        while (true) {
            long now = held.get();
            if (now + bytes > limit) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }
}
