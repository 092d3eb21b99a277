package org.pbxlicensing.service.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.pbxlicensing.domain.license.License;

/**
 * What a check reads of one host: the licenses it is bound to with their seats taken, whether it was
 * released, and the agreement versions its registration accepted. Read as of {@link #versions()}, or
 * inside a transaction of its own (versions {@code null}), when it must never be kept.
 */
public final class HostState {

    /** One active binding of the host, with the license it holds (and that license's feature) detached. */
    public record HeldLicense(long bindingId, License license, long seatsUsed, Instant lastSeenAt) {
    }

    private final StateVersions versions;
    private final List<HeldLicense> held;
    private final boolean released;
    private final Set<Long> acceptedEulaVersions;
    private final AtomicReference<Instant> seenNotedAt = new AtomicReference<>(Instant.MIN);

    public HostState(StateVersions versions, List<HeldLicense> held, boolean released, Set<Long> acceptedEulaVersions) {
        this.versions = versions;
        this.held = List.copyOf(held);
        this.released = released;
        this.acceptedEulaVersions = Set.copyOf(acceptedEulaVersions);
    }

    public StateVersions versions() {
        return versions;
    }

    public List<HeldLicense> held() {
        return held;
    }

    /** Bound to nothing now, but bound before and released. */
    public boolean released() {
        return held.isEmpty() && released;
    }

    public boolean accepted(long eulaVersionId) {
        return acceptedEulaVersions.contains(eulaVersionId);
    }

    /**
     * The bindings whose sighting is older than {@code resolution} at {@code now}, once per
     * {@code resolution}: a state kept between checks still holds the sightings read with it.
     */
    public List<HeldLicense> sightingsToNote(Instant now, Duration resolution) {
        Instant staleBefore = now.minus(resolution);
        List<HeldLicense> stale = held.stream().filter(h -> h.lastSeenAt().isBefore(staleBefore)).toList();
        if (stale.isEmpty()) {
            return stale;
        }
        Instant noted = seenNotedAt.get();
        return noted.isBefore(staleBefore) && seenNotedAt.compareAndSet(noted, now) ? stale : List.of();
    }
}
