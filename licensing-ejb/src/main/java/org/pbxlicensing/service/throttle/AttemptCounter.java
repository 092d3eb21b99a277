package org.pbxlicensing.service.throttle;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.domain.throttle.AttemptLimit;
import org.pbxlicensing.domain.throttle.LimitedSubject;
import org.pbxlicensing.infrastructure.metrics.Meters;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Counts attempts per bucket, subject and minute in the database, so that every node of a cluster
 * sees the same counts, and refuses a subject that reached its limit. An attempt is admitted and
 * counted in one transaction that first writes the subject's row: parallel attempts of one subject
 * wait for each other there, so however many arrive at once, no more than the limit get through.
 */
@Stateless
public class AttemptCounter {

    @Inject
    AttemptCounterQueries attempts;

    @Inject
    ServerClock clock;

    @Inject
    Meters meters;

    @Resource
    SessionContext context;

    /**
     * Runs an attempt once every subject is below its limit; the attempt counts against them only when
     * it finds nothing. It runs while the subjects are held, so it must only read, and what it returns
     * must not need this transaction's persistence context.
     *
     * @throws LicensingException {@code TOO_MANY_ATTEMPTS}, with {@code retryAfterSeconds}, before the
     *     attempt runs, when a subject must wait
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> Optional<T> attempt(Supplier<Optional<T>> attempt, List<LimitedSubject> subjects) {
        Instant now = clock.now();
        admit(subjects, now);
        Optional<T> found = attempt.get();
        if (found.isPresent()) {
            // Nothing to count: undoing the subjects' rows leaves the database as it was.
            context.setRollbackOnly();
        } else {
            subjects.forEach(subject -> attempts.countAttempt(subject, now));
        }
        return found;
    }

    /**
     * Counts an attempt against every subject, once all are below their limits.
     *
     * @throws LicensingException {@code TOO_MANY_ATTEMPTS}, with {@code retryAfterSeconds}, when a subject
     *     must wait; nothing is counted then
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void count(List<LimitedSubject> subjects) {
        Instant now = clock.now();
        admit(subjects, now);
        subjects.forEach(subject -> attempts.countAttempt(subject, now));
    }

    private void admit(List<LimitedSubject> subjects, Instant now) {
        List<LimitedSubject> inLockOrder = subjects.stream()
                .sorted(Comparator.comparing(LimitedSubject::lockKey))
                .toList();
        inLockOrder.forEach(subject -> attempts.holdSubject(subject, now));
        inLockOrder.forEach(subject -> requireBelow(subject, now));
    }

    private void requireBelow(LimitedSubject subject, Instant now) {
        AttemptLimit limit = subject.limit();
        Object[] row = attempts.attemptsInWindow(subject, now);
        if (limit.isExceededBy(((Number) row[0]).longValue())) {
            meters.counter("licensing.throttled", "bucket", limit.bucket()).increment();
            throw limit.refusal(instant(row[1], now), now);
        }
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void forgetOldAttempts() {
        Instant forgotten = clock.now().minus(AttemptLimit.LONGEST_WINDOW.multipliedBy(2));
        attempts.forgetOlderThan(forgotten);
    }

    static Instant instant(Object minute, Instant fallback) {
        if (minute instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (minute instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return fallback;
    }
}
