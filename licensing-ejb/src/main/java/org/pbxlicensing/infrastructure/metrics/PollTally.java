package org.pbxlicensing.infrastructure.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * This node's polls per hour (UTC) not yet added to the database. Counting touches memory only: a poll
 * has a statement budget, and {@link PollHourFlush} adds the counts to the table once a minute.
 */
@ApplicationScoped
public class PollTally {

    private final Map<LocalDateTime, LongAdder> hours = new ConcurrentHashMap<>();

    @Inject
    ServerClock clock;

    public void count() {
        hours.computeIfAbsent(currentHour(), hour -> new LongAdder()).increment();
    }

    /**
     * Takes the counts out of the tally: the current hour's is set back to zero, past hours are
     * removed. A poll counted at the very moment its past hour is removed may be lost.
     */
    Map<LocalDateTime, Long> take() {
        LocalDateTime current = currentHour();
        var taken = new HashMap<LocalDateTime, Long>();
        for (LocalDateTime hour : hours.keySet()) {
            LongAdder adder = hour.isBefore(current) ? hours.remove(hour) : hours.get(hour);
            long polls = adder == null ? 0 : adder.sumThenReset();
            if (polls > 0) {
                taken.put(hour, polls);
            }
        }
        return taken;
    }

    /** Puts counts that could not be stored back, to be added with the next ones. */
    void putBack(Map<LocalDateTime, Long> counts) {
        counts.forEach((hour, polls) -> hours.computeIfAbsent(hour, h -> new LongAdder()).add(polls));
    }

    private LocalDateTime currentHour() {
        return LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    }
}
