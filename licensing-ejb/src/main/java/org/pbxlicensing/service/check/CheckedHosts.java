package org.pbxlicensing.service.check;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The states of hosts this node's checks read lately, each kept with the versions read before it. A
 * state is used again only while both versions are unchanged, so a change committed on any node (or
 * by hand) is seen by the next check everywhere.
 */
@ApplicationScoped
public class CheckedHosts {

    /** A poll cycle of 100 000 PBXs. */
    static final int CAPACITY = 100_000;

    private record HostKey(long registrationId, String hostId) {
    }

    private final Cache<HostKey, HostState> states = Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .executor(Runnable::run)
            .build();

    /** The state kept for the host, if it was read at exactly these versions. */
    public Optional<HostState> find(long registrationId, String hostId, StateVersions current) {
        HostState kept = states.getIfPresent(new HostKey(registrationId, hostId));
        return kept != null && current.equals(kept.versions()) ? Optional.of(kept) : Optional.empty();
    }

    public void keep(long registrationId, String hostId, HostState state) {
        if (state.versions() != null) {
            states.put(new HostKey(registrationId, hostId), state);
        }
    }
}
