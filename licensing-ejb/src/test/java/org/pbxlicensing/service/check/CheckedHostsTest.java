package org.pbxlicensing.service.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckedHostsTest {

    private final CheckedHosts checkedHosts = new CheckedHosts();

    @Test
    void aStateIsUsedAgainWhileBothVersionsAreThoseItWasReadAt() {
        HostState state = state(new StateVersions(4, 2));
        checkedHosts.keep(10, "host-a", state);

        assertEquals(Optional.of(state), checkedHosts.find(10, "host-a", new StateVersions(4, 2)));
    }

    @Test
    void aChangedRegistrationOrCatalogueMakesTheStateStale() {
        checkedHosts.keep(10, "host-a", state(new StateVersions(4, 2)));

        assertTrue(checkedHosts.find(10, "host-a", new StateVersions(5, 2)).isEmpty());
        assertTrue(checkedHosts.find(10, "host-a", new StateVersions(4, 3)).isEmpty());
    }

    @Test
    void statesAreKeptPerRegistrationAndHost() {
        checkedHosts.keep(10, "host-a", state(new StateVersions(4, 2)));

        assertTrue(checkedHosts.find(10, "host-b", new StateVersions(4, 2)).isEmpty());
        assertTrue(checkedHosts.find(11, "host-a", new StateVersions(4, 2)).isEmpty());
    }

    @Test
    void aStateReadInsideATransactionIsNeverKept() {
        checkedHosts.keep(10, "host-a", state(null));

        assertTrue(checkedHosts.find(10, "host-a", new StateVersions(0, 0)).isEmpty());
    }

    private static HostState state(StateVersions versions) {
        return new HostState(versions, List.of(), false, Set.of());
    }
}
