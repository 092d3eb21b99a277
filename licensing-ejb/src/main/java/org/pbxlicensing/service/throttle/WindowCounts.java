package org.pbxlicensing.service.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.throttle.AttemptLimit;
import org.pbxlicensing.domain.throttle.LimitedSubject;
import org.pbxlicensing.infrastructure.combine.CombinedReads;
import org.pbxlicensing.infrastructure.metrics.Meters;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Reads how many attempts subjects made within their limit's window, without a lock: requests that
 * ask at the same moment share one statement, and every answer comes from a read that began after its
 * request asked, so it is as fresh as a read of its own.
 */
@ApplicationScoped
public class WindowCounts {

    /** At most the subjects one statement reads for: about the request threads of a node. */
    static final int SUBJECTS_PER_READ = 32;

    @Inject
    AttemptCounterQueries attempts;

    @Inject
    ServerClock clock;

    @Inject
    Meters meters;

    private final Map<AttemptLimit, CombinedReads<String, Counted>> reads = new ConcurrentHashMap<>();

    private record Counted(long attempts, Instant oldestMinute) {
    }

    /** @throws LicensingException {@code TOO_MANY_ATTEMPTS} when the subject has reached its limit, as of now */
    public void requireBelow(LimitedSubject subject) {
        AttemptLimit limit = subject.limit();
        Counted counted = reads.computeIfAbsent(limit, this::combinedReads).read(subject.subject());
        if (counted != null && limit.isExceededBy(counted.attempts())) {
            meters.counter("licensing.throttled", "bucket", limit.bucket()).increment();
            throw limit.refusal(counted.oldestMinute(), clock.now());
        }
    }

    private CombinedReads<String, Counted> combinedReads(AttemptLimit limit) {
        return new CombinedReads<>(subjects -> read(limit, subjects), SUBJECTS_PER_READ);
    }

    private Map<String, Counted> read(AttemptLimit limit, Set<String> subjects) {
        Instant now = clock.now();
        List<String> padded = new ArrayList<>(subjects);
        // Few distinct statements for the database to keep prepared: the list grows to a power of two.
        while (Integer.bitCount(padded.size()) != 1) {
            padded.add(padded.get(0));
        }
        Map<String, Counted> counted = new HashMap<>();
        for (Object result : attempts.attemptsInWindowBySubject(limit, padded, now)) {
            Object[] row = (Object[]) result;
            counted.put(row[0].toString(), new Counted(((Number) row[1]).longValue(), AttemptCounter.instant(row[2], now)));
        }
        return counted;
    }
}
