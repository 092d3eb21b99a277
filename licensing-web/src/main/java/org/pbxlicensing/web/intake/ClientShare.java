package org.pbxlicensing.web.intake;

import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Bounds the share of the request threads that one client address holds: past
 * {@code licensing.http.max-requests-per-client} requests at once, its further requests wait in
 * line (in no thread) and go on as its earlier ones finish; past the line's length they are refused
 * with 429. The address is the one the application sees: a trusted proxy's {@code X-Forwarded-For}.
 * Off with the other throttles, for load tests from one address.
 */
final class ClientShare implements HttpHandler {

    private static final Pattern IP_ADDRESS = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

    private final HttpHandler next;
    private final IntakeSettings settings;
    private final ConcurrentMap<String, Line> lines = new ConcurrentHashMap<>();

    ClientShare(HttpHandler next, IntakeSettings settings) {
        this.next = next;
        this.settings = settings;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!settings.clientShareEnabled()) {
            next.handleRequest(exchange);
            return;
        }
        String client = clientAddress(exchange);
        Admission admission = lines.compute(client, (address, line) -> line == null ? new Line() : line)
                .admit(exchange, settings);
        switch (admission) {
            case NOW -> proceed(client, exchange, true);
            case WAITING -> {
                // handed on by the request of this client that finishes next
            }
            case REFUSED -> IntakeAnswer.send(exchange, 429, "TOO_MANY_REQUESTS");
        }
    }

    private void proceed(String client, HttpServerExchange exchange, boolean inHandleRequest) throws Exception {
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            finished(client);
            nextListener.proceed();
        });
        if (inHandleRequest) {
            next.handleRequest(exchange);
        } else {
            exchange.getIoThread().execute(() -> Connectors.executeRootHandler(next, exchange));
        }
    }

    private void finished(String client) {
        HttpServerExchange waiting = lines.get(client).handOn();
        if (waiting != null) {
            try {
                proceed(client, waiting, false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        } else {
            lines.computeIfPresent(client, (address, line) -> line.isIdle() ? null : line);
        }
    }

    private String clientAddress(HttpServerExchange exchange) {
        InetSocketAddress source = exchange.getSourceAddress();
        String remote = source == null || source.getAddress() == null ? "" : source.getAddress().getHostAddress();
        String forwarded = exchange.getRequestHeaders().getLast("X-Forwarded-For");
        if (forwarded == null || !settings.trustedProxies().contains(remote)) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        String client = hops[hops.length - 1].strip();
        return IP_ADDRESS.matcher(client).matches() ? client : remote;
    }

    private enum Admission { NOW, WAITING, REFUSED }

    /** The requests of one client: how many are being worked on, and those waiting for their turn. */
    private static final class Line {

        private final Queue<HttpServerExchange> waiting = new ArrayDeque<>();
        private int working;

        synchronized Admission admit(HttpServerExchange exchange, IntakeSettings settings) {
            if (working < settings.requestsPerClient()) {
                working++;
                return Admission.NOW;
            }
            if (waiting.size() < settings.waitingPerClient()) {
                waiting.add(exchange);
                return Admission.WAITING;
            }
            return Admission.REFUSED;
        }

        /** The next waiting request, which takes the finished one's place; null when none waits. */
        synchronized HttpServerExchange handOn() {
            HttpServerExchange next = waiting.poll();
            if (next == null) {
                working--;
            }
            return next;
        }

        synchronized boolean isIdle() {
            return working == 0 && waiting.isEmpty();
        }
    }
}
