package org.pbxlicensing.service.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
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
}
