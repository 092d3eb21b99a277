package org.pbxlicensing.service.check;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When this node's checks last saw each binding whose {@code lastSeenAt} is due for a new note, until
 * {@link SeenBindingsWriter} writes them all in one transaction: a check itself writes nothing.
 */
@ApplicationScoped
public class SeenBindings {

    private final Map<Long, Instant> pending = new ConcurrentHashMap<>();

    public void note(long bindingId, Instant seenAt) {
        pending.merge(bindingId, seenAt, (noted, later) -> later.isAfter(noted) ? later : noted);
    }

    /** The notes taken so far, each handed out once. */
    public Map<Long, Instant> take() {
        Map<Long, Instant> taken = new HashMap<>();
        for (Long bindingId : pending.keySet()) {
            Instant seenAt = pending.remove(bindingId);
            if (seenAt != null) {
                taken.put(bindingId, seenAt);
            }
        }
        return taken;
    }

    /** Gives back notes that could not be written, unless a later one was taken since. */
    public void giveBack(Map<Long, Instant> notes) {
        notes.forEach(this::note);
    }

    public int size() {
        return pending.size();
    }
}
