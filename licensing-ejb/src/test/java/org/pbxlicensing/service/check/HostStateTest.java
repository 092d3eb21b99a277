package org.pbxlicensing.service.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.service.check.HostState.HeldLicense;

class HostStateTest {

    private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");
    private static final Duration RESOLUTION = Duration.ofMinutes(30);
    private static final StateVersions VERSIONS = new StateVersions(3, 1);

    private final HeldLicense seenLongAgo = new HeldLicense(1, null, 1, NOON.minus(Duration.ofHours(2)));
    private final HeldLicense seenLately = new HeldLicense(2, null, 1, NOON.minus(Duration.ofMinutes(1)));

    @Test
    void aSightingOlderThanTheResolutionIsNotedOncePerResolution() {
        HostState state = new HostState(VERSIONS, List.of(seenLongAgo, seenLately), false, Set.of());

        assertEquals(List.of(seenLongAgo), state.sightingsToNote(NOON, RESOLUTION));
        assertEquals(List.of(), state.sightingsToNote(NOON.plusSeconds(10), RESOLUTION));
        assertEquals(List.of(), state.sightingsToNote(NOON.plus(RESOLUTION), RESOLUTION));
        assertEquals(List.of(seenLongAgo, seenLately),
                state.sightingsToNote(NOON.plus(RESOLUTION).plusSeconds(61), RESOLUTION));
    }

    @Test
    void recentSightingsAreNotNoted() {
        HostState state = new HostState(VERSIONS, List.of(seenLately), false, Set.of());

        assertEquals(List.of(), state.sightingsToNote(NOON, RESOLUTION));
    }

    @Test
    void aHostIsReleasedOnlyWhileItHoldsNothing() {
        assertTrue(new HostState(VERSIONS, List.of(), true, Set.of()).released());
        assertFalse(new HostState(VERSIONS, List.of(seenLately), true, Set.of()).released());
        assertFalse(new HostState(VERSIONS, List.of(), false, Set.of()).released());
    }

    @Test
    void acceptedAgreementsAreThoseReadWithTheState() {
        HostState state = new HostState(VERSIONS, List.of(), false, Set.of(7L));

        assertTrue(state.accepted(7));
        assertFalse(state.accepted(8));
    }
}
