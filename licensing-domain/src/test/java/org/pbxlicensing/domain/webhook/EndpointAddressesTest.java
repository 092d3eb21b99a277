package org.pbxlicensing.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointAddressesTest {

    @Test
    void loopbackLinkLocalPrivateAndUnspecifiedAddressesAreNotPublic() {
        for (String address : List.of("127.0.0.1", "127.1.2.3", "::1", "169.254.169.254", "fe80::1", "10.1.2.3",
                "172.16.0.1", "172.31.255.255", "192.168.1.1", "0.0.0.0", "::", "fd00::1", "100.64.0.1",
                "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1", "255.255.255.255")) {
            assertFalse(EndpointAddresses.isPublic(ip(address)), address);
        }
    }

    @Test
    void publicAddressesArePublic() {
        for (String address : List.of("8.8.8.8", "172.32.0.1", "93.184.216.34", "2001:4860:4860::8888")) {
            assertTrue(EndpointAddresses.isPublic(ip(address)), address);
        }
    }

    @Test
    void oneRefusedAddressAmongTheResolvedOnesRefusesTheName() {
        List<InetAddress> resolved = List.of(ip("8.8.8.8"), ip("10.0.0.5"));
        assertEquals(Optional.of(ip("10.0.0.5")), EndpointAddresses.firstRefused(resolved, false));
        assertEquals(Optional.empty(), EndpointAddresses.firstRefused(resolved, true));
    }

    @Test
    void onlyHttpAndHttpsUrlsWithAHostAndNoCredentials() {
        assertEquals(Optional.empty(), EndpointAddresses.urlProblem("https://crm.example.com/hooks"));
        assertTrue(EndpointAddresses.urlProblem("ftp://crm.example.com/").isPresent());
        assertTrue(EndpointAddresses.urlProblem("file:///etc/passwd").isPresent());
        assertTrue(EndpointAddresses.urlProblem("https://user:pw@crm.example.com/").isPresent());
        assertTrue(EndpointAddresses.urlProblem("not a url").isPresent());
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
