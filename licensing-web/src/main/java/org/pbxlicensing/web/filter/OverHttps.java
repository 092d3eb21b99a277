package org.pbxlicensing.web.filter;

import java.util.List;

/**
 * Whether a request reached the server over HTTPS: on a TLS connection of its own, or through a
 * trusted reverse proxy that says so in {@code X-Forwarded-Proto}. Secure cookies and
 * Strict-Transport-Security ask this one question, so they can never disagree.
 */
final class OverHttps {

    static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private OverHttps() {
    }

    static boolean of(boolean tlsConnection, String forwardedProto, String sourceAddress, List<String> trustedProxies) {
        if (tlsConnection) {
            return true;
        }
        return forwardedProto != null && "https".equalsIgnoreCase(forwardedProto.strip())
                && sourceAddress != null && trustedProxies.contains(sourceAddress);
    }
}
