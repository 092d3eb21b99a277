package org.pbxlicensing.web.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedForTest {

    private static final List<String> PROXY = List.of("10.0.0.5");

    @Test
    void aClientWithoutAProxyIsItsConnectionsPeer() {
        assertEquals("203.0.113.7", ForwardedFor.client("203.0.113.7", null, PROXY));
    }

    @Test
    void anUntrustedPeerCannotNameAnotherAddress() {
        assertEquals("203.0.113.7", ForwardedFor.client("203.0.113.7", "198.51.100.1", PROXY));
    }

    @Test
    void behindATrustedProxyTheLastHopIsTheClientWhateverTheClientPutBeforeIt() {
        assertEquals("198.51.100.1", ForwardedFor.client("10.0.0.5", "1.2.3.4, 198.51.100.1", PROXY));
    }

    @Test
    void aLastHopThatIsNoAddressLeavesThePeer() {
        assertEquals("10.0.0.5", ForwardedFor.client("10.0.0.5", "<script>", PROXY));
    }
}
