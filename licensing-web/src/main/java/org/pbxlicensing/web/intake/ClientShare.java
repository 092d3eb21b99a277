package org.pbxlicensing.web.intake;

import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.pbxlicensing.web.request.ForwardedFor;

/**
 * Bounds the share of the server that one client address holds: past
 * {@code licensing.http.max-requests-per-client} requests at once (their bodies arriving or worked
 * on), its further requests wait in line, in no thread and with no body read, and go on as its
 * earlier ones finish; past the line's length, or after waiting as long as a body may take, they are
 * refused with 429. The address is the one the application sees: a trusted proxy's {@code X-Forwarded-For}.
 * Off with the other throttles, for load tests from one address.
 */
final class ClientShare implements HttpHandler {

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
        Admission[] admission = new Admission[1];
        lines.compute(client, (address, line) -> {
            Line current = line == null ? new Line() : line;
            admission[0] = current.admit(exchange, settings);
            return current;
        });
        switch (admission[0]) {
            case NOW -> {
                releaseWhenDone(client, exchange);
                next.handleRequest(exchange);
            }
            case WAITING -> park(client, exchange);
            case REFUSED -> IntakeAnswer.send(exchange, 429, "TOO_MANY_REQUESTS");
        }
    }

    /**
     * Neither ended nor run when this call returns: the request of this client that finishes next
     * hands it on; one that waits longer than a body may take to arrive is refused.
     */
    private void park(String client, HttpServerExchange exchange) {
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> { });
        exchange.getIoThread().executeAfter(() -> {
            boolean[] stillWaiting = new boolean[1];
            lines.computeIfPresent(client, (address, line) -> {
                stillWaiting[0] = line.withdraw(exchange);
                return line.isIdle() ? null : line;
            });
            if (stillWaiting[0]) {
                IntakeAnswer.send(exchange, 429, "TOO_MANY_REQUESTS");
            }
        }, settings.waitingMillis(), TimeUnit.MILLISECONDS);
    }

    private void releaseWhenDone(String client, HttpServerExchange exchange) {
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            try {
                finished(client);
            } finally {
                nextListener.proceed();
            }
        });
    }

    /** A request of the client is done: its turn goes to the next one waiting, on that one's I/O thread. */
    private void finished(String client) {
        HttpServerExchange[] waiting = new HttpServerExchange[1];
        lines.computeIfPresent(client, (address, line) -> {
            waiting[0] = line.handOn();
            return line.isIdle() ? null : line;
        });
        HttpServerExchange exchange = waiting[0];
        if (exchange == null) {
            return;
        }
        try {
            exchange.getIoThread().execute(() -> {
                if (exchange.isComplete()) {
                    finished(client);
                } else {
                    releaseWhenDone(client, exchange);
                    Connectors.executeRootHandler(next, exchange);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            finished(client);
        }
    }

    private String clientAddress(HttpServerExchange exchange) {
        InetSocketAddress source = exchange.getSourceAddress();
        String remote = source == null || source.getAddress() == null ? "" : source.getAddress().getHostAddress();
        return ForwardedFor.client(remote, exchange.getRequestHeaders().getLast("X-Forwarded-For"),
                settings.trustedProxies());
    }

    private enum Admission { NOW, WAITING, REFUSED }

    /**
     * The requests of one client: how many are being worked on, and those waiting for their turn. Used
     * only inside the map's compute functions, which hold the entry's lock: admitting a request and
     * dropping an idle line cannot interleave.
     */
    private static final class Line {

        private final Queue<HttpServerExchange> waiting = new ArrayDeque<>();
        private int working;

        Admission admit(HttpServerExchange exchange, IntakeSettings settings) {
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

        /** @return whether the request was still waiting; it is waiting no more */
        boolean withdraw(HttpServerExchange exchange) {
            return waiting.remove(exchange);
        }

        /** The next waiting request, which takes the finished one's place; null when none waits. */
        HttpServerExchange handOn() {
            HttpServerExchange next = waiting.poll();
            if (next == null) {
                working--;
            }
            return next;
        }

        boolean isIdle() {
            return working == 0 && waiting.isEmpty();
        }
    }
}
