package org.pbxlicensing.web.request;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The client's address as the server believes it: the connection's peer, or, when that peer is a
 * trusted reverse proxy, the last hop of its {@code X-Forwarded-For} (the one the proxy itself
 * added). One rule for the throttles, the audit and the request intake alike.
 */
public final class ForwardedFor {

    private static final Pattern IP_ADDRESS = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

    private ForwardedFor() {
    }

    public static String client(String remote, String forwardedFor, List<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(remote)) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        String client = hops[hops.length - 1].strip();
        return IP_ADDRESS.matcher(client).matches() ? client : remote;
    }
}
