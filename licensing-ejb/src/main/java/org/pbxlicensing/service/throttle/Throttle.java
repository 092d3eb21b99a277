package org.pbxlicensing.service.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.throttle.LimitedSubject;
import org.pbxlicensing.infrastructure.retry.ConflictRetryPolicy;

/**
 * Admits attempts through the {@link AttemptCounter}, and runs an admission again when two members of
 * a Galera cluster wrote the same subject at once and the database aborted one of them. The
 * admission has its own transaction, so it can be run again even inside a caller's transaction.
 */
@ApplicationScoped
public class Throttle {

    private static final Logger LOG = Logger.getLogger(Throttle.class.getName());

    @Inject
    AttemptCounter counter;

    @Inject
    @ConfigProperty(name = "licensing.conflict.retries", defaultValue = "6")
    int maxRetries;

    /** @see AttemptCounter#attempt */
    public <T> Optional<T> attempt(Supplier<Optional<T>> attempt, List<LimitedSubject> subjects) {
        if (subjects.isEmpty()) {
            return attempt.get();
        }
        return retried(() -> counter.attempt(attempt, subjects));
    }

    /** @see AttemptCounter#count */
    public void count(List<LimitedSubject> subjects) {
        retried(() -> {
            counter.count(subjects);
            return null;
        });
    }

    private <T> T retried(Supplier<T> admission) {
        var policy = new ConflictRetryPolicy(maxRetries);
        for (int retries = 0; ; retries++) {
            try {
                return admission.get();
            } catch (RuntimeException failure) {
                if (!policy.shouldRetry(failure, retries, false)) {
                    throw failure;
                }
                LOG.info("Write conflict between two admissions of one throttled subject, deciding again");
                pause(ConflictRetryPolicy.pauseBeforeRetry(retries, ThreadLocalRandom.current()::nextLong));
            }
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to decide an admission again", interrupted);
        }
    }
}
