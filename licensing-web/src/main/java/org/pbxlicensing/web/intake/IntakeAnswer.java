package org.pbxlicensing.web.intake;

import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.pbxlicensing.web.text.RefusalTexts;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import org.xnio.channels.Channels;
import org.xnio.channels.StreamSourceChannel;

/**
 * A refusal written in the I/O thread, before any request thread has the request: problem+json with
 * the application's stable code. The connection then reads and drops what the client still sends of
 * its request, and closes: closing a socket with unread input resets it, and a reset makes the
 * client's system drop the answer unread. A client that goes on sending is cut off a few seconds later.
 */
final class IntakeAnswer {

    private static final long DRAIN_MILLIS = 5000;

    private IntakeAnswer() {
    }

    static void send(HttpServerExchange exchange, int status, String code) {
        send(exchange, status, code, null);
    }

    /** @param requestChannel the request's channel when the intake already took it, else null */
    static void send(HttpServerExchange exchange, int status, String code, StreamSourceChannel requestChannel) {
        if (exchange.isResponseStarted()) {
            end(exchange);
            return;
        }
        String title = RefusalTexts.text(code, locale(exchange));
        byte[] body = ("{\"type\":\"about:blank\",\"status\":" + status + ",\"code\":\"" + code + "\",\"title\":\""
                + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.setStatusCode(status);
        exchange.setPersistent(false);
        exchange.setResponseContentLength(body.length);
        exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
        if (status == 429 || status == 503) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(body), new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange done, Sender sender) {
                drainThenEnd(done, requestChannel);
            }

            @Override
            public void onException(HttpServerExchange failed, Sender sender, IOException exception) {
                end(failed);
            }
        });
    }

    private static void drainThenEnd(HttpServerExchange exchange, StreamSourceChannel taken) {
        StreamSourceChannel channel = taken != null ? taken : exchange.getRequestChannel();
        if (channel == null || exchange.isRequestComplete()) {
            end(exchange);
            return;
        }
        XnioExecutor.Key cutOff = exchange.getIoThread().executeAfter(() -> end(exchange), DRAIN_MILLIS,
                TimeUnit.MILLISECONDS);
        ChannelListener<StreamSourceChannel> drain = source -> {
            try {
                long drained;
                do {
                    drained = Channels.drain(source, Long.MAX_VALUE);
                } while (drained > 0);
                if (drained == -1) {
                    cutOff.remove();
                    source.getReadSetter().set(null);
                    source.suspendReads();
                    end(exchange);
                }
            } catch (IOException gone) {
                cutOff.remove();
                end(exchange);
            }
        };
        channel.getReadSetter().set(drain);
        drain.handleEvent(channel);
        if (!exchange.isComplete()) {
            channel.resumeReads();
        }
    }

    private static void end(HttpServerExchange exchange) {
        if (!exchange.isComplete()) {
            exchange.endExchange();
        }
        IoUtils.safeClose(exchange.getConnection());
    }

    private static Locale locale(HttpServerExchange exchange) {
        String accepted = exchange.getRequestHeaders().getFirst(Headers.ACCEPT_LANGUAGE);
        return accepted != null && accepted.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : Locale.forLanguageTag("ru");
    }
}
