package org.pbxlicensing.service.check;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
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

    /**
     * The binding ids of the notes by the start of the window each sighting falls in (oldest first),
     * in chunks of at most {@code chunk} ids.
     */
    static SortedMap<Instant, List<List<Long>>> byWindow(Map<Long, Instant> notes, Duration window, int chunk) {
        long windowMillis = window.toMillis();
        SortedMap<Instant, List<Long>> ids = new TreeMap<>();
        notes.forEach((bindingId, seenAt) -> ids.computeIfAbsent(
                Instant.ofEpochMilli(Math.floorDiv(seenAt.toEpochMilli(), windowMillis) * windowMillis),
                start -> new ArrayList<>()).add(bindingId));
        SortedMap<Instant, List<List<Long>>> chunks = new TreeMap<>();
        ids.forEach((start, all) -> {
            List<List<Long>> parts = new ArrayList<>();
            for (int from = 0; from < all.size(); from += chunk) {
                parts.add(List.copyOf(all.subList(from, Math.min(all.size(), from + chunk))));
            }
            chunks.put(start, parts);
        });
        return chunks;
    }
}
