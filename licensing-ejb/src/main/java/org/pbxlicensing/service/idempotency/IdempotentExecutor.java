package org.pbxlicensing.service.idempotency;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.LicensingException;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Runs a write at most once per idempotency key. The key is claimed by inserting its row in the
 * write's own transaction: a concurrent retry waits on that row's lock, then finds the committed
 * answer and replays it; if the first attempt rolled back, the retry does the work itself.
 */
@Stateless
public class IdempotentExecutor {

    static final Duration RETENTION = Duration.ofHours(24);

    @Inject
    IdempotencyQueries queries;

    @Inject
    ServerClock clock;

    public StoredAnswer execute(IdempotentRequest request, Supplier<StoredAnswer> work) {
        if (!request.hasKey()) {
            return work.get();
        }
        var replay = claim(request);
        if (replay != null) {
            return replay;
        }
        var answer = work.get();
        queries.storeAnswer(request.scope(), request.key(), answer.status(), answer.body());
        return answer;
    }

    /** @return the stored answer to replay, or null when this request now owns the key */
    private StoredAnswer claim(IdempotentRequest request) {
        var now = clock.now();
        if (queries.claimKey(request.scope(), request.key(), request.requestDigest(), now)) {
            return null;
        }
        // A key last used longer ago than the retention is free again; asked only when the key is taken.
        if (queries.forgetKeyCreatedBefore(request.scope(), request.key(), now.minus(RETENTION))
                && queries.claimKey(request.scope(), request.key(), request.requestDigest(), now)) {
            return null;
        }
        var stored = queries.storedOf(request.scope(), request.key());
        if (!request.requestDigest().equals(stored.requestDigest())) {
            throw new LicensingException(Failure.IDEMPOTENCY_KEY_REUSED);
        }
        return stored.answer();
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void forgetOldAnswers() {
        queries.forgetRecordsCreatedBefore(clock.now().minus(RETENTION));
    }
}
