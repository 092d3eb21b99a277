package org.pbxlicensing.it.support;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers and databases a fault test started, closed after each test in the reverse order of
 * their start (servers before the databases under them), even when the test failed half-way.
 * Register with {@code @RegisterExtension final StartedProcesses started = new StartedProcesses();}.
 */
public final class StartedProcesses implements AfterEachCallback {

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    /** The process, to be closed after the test. */
    public synchronized <T extends AutoCloseable> T add(T process) {
        running.push(process);
        return process;
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
