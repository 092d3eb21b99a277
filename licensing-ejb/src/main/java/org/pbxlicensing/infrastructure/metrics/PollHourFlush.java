package org.pbxlicensing.infrastructure.metrics;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once a minute, and when the node stops, adds this node's poll counts to {@code poll_hour}. Counts the
 * database refused (a Galera conflict with another node's upsert of the same hour) wait for the next minute.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PollHourFlush {

    private static final Logger LOG = Logger.getLogger(PollHourFlush.class.getName());

    @Inject
    PollTally tally;

    @Inject
    PollHourStore store;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void flush() {
        Map<LocalDateTime, Long> counts = tally.take();
        if (counts.isEmpty()) {
            return;
        }
        try {
            store.add(counts);
        } catch (RuntimeException e) {
            tally.putBack(counts);
            LOG.log(Level.FINE, "Poll counts kept for the next minute", e);
        }
    }

    @PreDestroy
    void flushBeforeStopping() {
        flush();
    }
}
