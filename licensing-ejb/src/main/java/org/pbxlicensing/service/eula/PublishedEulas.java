package org.pbxlicensing.service.eula;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.pbxlicensing.domain.eula.EulaVersion;

/**
 * Every published agreement version, read from the database at most once per {@link #LIFETIME} on
 * this node instead of on every check. Versions are never changed, only added: a version published
 * through this node is seen at once (the copy is dropped when its transaction commits), one published
 * through another node of a cluster, or written straight into the database, within {@link #LIFETIME}.
 */
@ApplicationScoped
public class PublishedEulas {

    static final Duration LIFETIME = Duration.ofSeconds(5);

    private record Copy(Map<Integer, List<EulaVersion>> byFeature, long readAtNanos) {

        boolean isFresh(long nowNanos) {
            return nowNanos - readAtNanos < LIFETIME.toNanos();
        }
    }

    @Inject
    EulaQueries queries;

    /** Counts publications, so that a copy read while one committed is not kept. */
    private final AtomicLong publications = new AtomicLong();

    private volatile Copy copy;

    /** The versions of the feature, published or due, in no particular order. */
    public List<EulaVersion> of(int featureNumber) {
        return current().byFeature().getOrDefault(featureNumber, List.of());
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) EulaPublished published) {
        publications.incrementAndGet();
        copy = null;
    }

    private Copy current() {
        Copy seen = copy;
        long now = System.nanoTime();
        if (seen != null && seen.isFresh(now)) {
            return seen;
        }
        long publicationsBefore = publications.get();
        Copy read = new Copy(queries.allVersions().stream()
                .collect(Collectors.groupingBy(EulaVersion::featureNumber, Collectors.toUnmodifiableList())), now);
        if (publications.get() == publicationsBefore) {
            copy = read;
        }
        return read;
    }
}
