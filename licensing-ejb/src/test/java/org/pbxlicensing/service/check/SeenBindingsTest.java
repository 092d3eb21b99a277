package org.pbxlicensing.service.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeenBindingsTest {

    private static final Instant NOON = Instant.parse("2026-11-28T12:00:00Z");

    private final SeenBindings seen = new SeenBindings();

    @Test
    void aBindingSeenTwiceKeepsTheLaterSightingWhateverTheOrder() {
        seen.note(1, NOON.plusSeconds(30));
        seen.note(1, NOON);
        seen.note(2, NOON);
        seen.note(2, NOON.plusSeconds(5));

        assertEquals(Map.of(1L, NOON.plusSeconds(30), 2L, NOON.plusSeconds(5)), seen.take());
    }

    @Test
    void notesAreHandedOutOnce() {
        seen.note(1, NOON);

        assertEquals(1, seen.take().size());
        assertTrue(seen.take().isEmpty());
    }

    @Test
    void notesGivenBackDoNotHideALaterSighting() {
        seen.note(1, NOON);
        Map<Long, Instant> failedToWrite = seen.take();
        seen.note(1, NOON.plusSeconds(60));

        seen.giveBack(failedToWrite);

        assertEquals(Map.of(1L, NOON.plusSeconds(60)), seen.take());
    }

    @Test
    void sightingsAreGroupedByTheStartOfTheirTenSecondsAndChunked() {
        Map<Long, Instant> notes = Map.of(1L, NOON.plusMillis(1), 2L, NOON.plusMillis(9_999), 3L, NOON.plusSeconds(10),
                4L, NOON.plusSeconds(12));

        var windows = SeenBindings.byWindow(notes, Duration.ofSeconds(10), 1);

        assertEquals(List.of(NOON, NOON.plusSeconds(10)), List.copyOf(windows.keySet()));
        assertEquals(Set.of(List.of(1L), List.of(2L)), Set.copyOf(windows.get(NOON)));
        assertEquals(2, windows.get(NOON.plusSeconds(10)).size());
    }
}
