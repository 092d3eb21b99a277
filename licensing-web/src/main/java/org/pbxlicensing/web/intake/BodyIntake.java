package org.pbxlicensing.web.intake;

import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import org.xnio.channels.StreamSourceChannel;

/**
 * Reads a request's whole body in the I/O thread, within a bounded time, before a request thread
 * takes the request: a client that sends slowly holds a connection, never a request thread. A body
 * that has not arrived in time is answered 408, one larger than its path accepts 413. The bodies
 * held at once share a memory budget; past it a body is answered 503.
 */
final class BodyIntake implements HttpHandler {

    private final HttpHandler next;
    private final IntakeSettings settings;

    BodyIntake(HttpHandler next, IntakeSettings settings) {
        this.next = next;
        this.settings = settings;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.getRequestContentLength() > settings.maxBodyBytes(exchange.getRequestPath())) {
            IntakeAnswer.send(exchange, 413, "PAYLOAD_TOO_LARGE");
        } else if (exchange.isRequestComplete() || !exchange.isInIoThread()) {
            next.handleRequest(exchange);
        } else {
            new Reader(exchange).start();
        }
    }

    /** One body on its way in; every method runs in the exchange's I/O thread. */
    private final class Reader implements ChannelListener<StreamSourceChannel> {

        private final HttpServerExchange exchange;
        private final ByteBufferPool pool;
        private final List<PooledByteBuffer> filled = new ArrayList<>();
        private StreamSourceChannel channel;
        private PooledByteBuffer current;
        private final long maxBytes;
        private long received;
        private XnioExecutor.Key deadline;
        private boolean settled;
        private boolean inHandleRequest;

        Reader(HttpServerExchange exchange) {
            this.exchange = exchange;
            this.pool = exchange.getConnection().getByteBufferPool();
            this.maxBytes = settings.maxBodyBytes(exchange.getRequestPath());
        }

        void start() throws Exception {
            channel = exchange.getRequestChannel();
            if (channel == null) {
                next.handleRequest(exchange);
                return;
            }
            // The budget is given back when the request is done, whoever ended it.
            exchange.addExchangeCompleteListener((done, nextListener) -> {
                settings.bodyBudget().release(received);
                nextListener.proceed();
            });
            deadline = exchange.getIoThread().executeAfter(this::expire, settings.bodyTimeoutMillis(),
                    TimeUnit.MILLISECONDS);
            channel.getReadSetter().set(this);
            inHandleRequest = true;
            try {
                handleEvent(channel);
            } finally {
                inHandleRequest = false;
            }
            if (!settled) {
                channel.resumeReads();
            }
        }

        @Override
        public void handleEvent(StreamSourceChannel ignored) {
            try {
                if (readAvailable()) {
                    settle();
                    FormIntake.inspect(exchange, filled);
                    Connectors.ungetRequestBytes(exchange, filled.toArray(PooledByteBuffer[]::new));
                    Connectors.resetRequestChannel(exchange);
                    dispatch();
                }
            } catch (BodyTooLarge e) {
                refuse(413, "PAYLOAD_TOO_LARGE");
            } catch (OverBudget e) {
                refuse(503, "SERVICE_UNAVAILABLE");
            } catch (IOException e) {
                settle();
                release();
                IoUtils.safeClose(exchange.getConnection());
            }
        }

        /** @return whether the whole body is in */
        private boolean readAvailable() throws IOException {
            while (true) {
                if (current == null) {
                    current = pool.allocate();
                }
                ByteBuffer buffer = current.getBuffer();
                int read = channel.read(buffer);
                if (read == -1) {
                    keepCurrent();
                    return true;
                }
                if (read == 0) {
                    return false;
                }
                if (!settings.bodyBudget().take(read)) {
                    throw new OverBudget();
                }
                received += read;
                if (received > maxBytes) {
                    throw new BodyTooLarge();
                }
                if (!buffer.hasRemaining()) {
                    keepCurrent();
                }
            }
        }

        private void keepCurrent() {
            if (current.getBuffer().position() == 0) {
                current.close();
            } else {
                current.getBuffer().flip();
                filled.add(current);
            }
            current = null;
        }

        private void expire() {
            if (!settled) {
                refuse(408, "REQUEST_TIMEOUT");
            }
        }

        private void refuse(int status, String code) {
            settle();
            release();
            IntakeAnswer.send(exchange, status, code, channel);
        }

        private void settle() {
            settled = true;
            if (deadline != null) {
                deadline.remove();
            }
            if (channel != null) {
                channel.getReadSetter().set(null);
                channel.suspendReads();
            }
        }

        private void release() {
            filled.forEach(IoUtils::safeClose);
            filled.clear();
            IoUtils.safeClose(current);
            current = null;
        }

        /** On to the application: directly while still in this handler's call, else as a new root call. */
        private void dispatch() {
            if (inHandleRequest) {
                try {
                    next.handleRequest(exchange);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            } else {
                Connectors.executeRootHandler(next, exchange);
            }
        }
    }

    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("larger than any body the path accepts");
        }
    }

    private static final class OverBudget extends IOException {
        OverBudget() {
            super("the bodies held at once are over their memory budget");
        }
    }
}
