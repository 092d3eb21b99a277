package org.pbxlicensing.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Which endpoint addresses the server may call (server-side request forgery): a webhook URL must
 * not make the server reach its own loopback, link-local (cloud metadata), private or unspecified
 * addresses, nor multicast, unless the operator allows private receivers. The rule is applied to
 * every address the name resolves to, at save and again at each delivery (a name may change).
 */
public final class EndpointAddresses {

    private EndpointAddresses() {
    }

    /** Why the URL itself is unusable (scheme, host), or empty. */
    public static Optional<String> urlProblem(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of("only http and https URLs");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("no host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("no user name or password in the URL");
        }
        return Optional.empty();
    }

    /** The first address not allowed, if any: every address a name resolves to must be public. */
    public static Optional<InetAddress> firstRefused(List<InetAddress> resolved, boolean allowPrivate) {
        if (allowPrivate) {
            return Optional.empty();
        }
        return resolved.stream().filter(address -> !isPublic(address)).findFirst();
    }

    public static boolean isPublic(InetAddress address) {
        InetAddress plain = unmapped(address);
        if (plain.isLoopbackAddress() || plain.isLinkLocalAddress() || plain.isSiteLocalAddress()
                || plain.isAnyLocalAddress() || plain.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = plain.getAddress();
        if (plain instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0                                   // "this network"
                    && !(first == 100 && second >= 64 && second < 128)  // carrier-grade NAT, 100.64/10
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking, 198.18/15
                    && first < 240;                             // reserved and broadcast
        }
        return (bytes[0] & 0xfe) != 0xfc;                       // unique local, fc00::/7
    }

    /** An IPv4 address written as IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address it is. */
    private static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            mapped &= bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }
}
