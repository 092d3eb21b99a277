package org.pbxlicensing.web.filter;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;

/**
 * Marks every cookie of an answer {@code Secure} when the client reached the server over HTTPS:
 * directly, or through a trusted reverse proxy that says so in {@code X-Forwarded-Proto}. Over
 * plain HTTP (a development run on localhost) the cookies stay as they are, or no browser would
 * send the session back. This runs at the Undertow level because the session cookie is written
 * there, past any servlet response wrapper.
 */
final class SecureCookies implements HttpHandler {

    private final HttpHandler next;
    private final Supplier<List<String>> trustedProxies;

    SecureCookies(HttpHandler next, Supplier<List<String>> trustedProxies) {
        this.next = next;
        this.trustedProxies = trustedProxies;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (overHttps(exchange)) {
            exchange.addResponseCommitListener(answer -> {
                for (Cookie cookie : answer.responseCookies()) {
                    cookie.setSecure(true);
                }
            });
        }
        next.handleRequest(exchange);
    }

    private boolean overHttps(HttpServerExchange exchange) {
        InetSocketAddress source = exchange.getSourceAddress();
        String sourceAddress = source == null || source.getAddress() == null ? null : source.getAddress().getHostAddress();
        return OverHttps.of("https".equalsIgnoreCase(exchange.getRequestScheme()),
                exchange.getRequestHeaders().getLast(OverHttps.FORWARDED_PROTO), sourceAddress, trustedProxies.get());
    }
}
