package org.pbxlicensing.web.intake;

import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;

/**
 * A refusal written in the I/O thread, before any request thread has the request: problem+json with
 * the application's stable code, and the connection closed, since the rest of its request is unread.
 * The close waits a moment after the answer: closing a socket with unread input resets it, and a reset
 * that overtakes the answer makes the client's system drop the answer unread.
 */
final class IntakeAnswer {

    private static final String BUNDLE = "org.pbxlicensing.web.api.problem.problems";
    private static final long CLOSE_DELAY_MILLIS = 1000;

    private IntakeAnswer() {
    }

    static void send(HttpServerExchange exchange, int status, String code) {
        if (exchange.isResponseStarted()) {
            IoUtils.safeClose(exchange.getConnection());
            return;
        }
        exchange.setStatusCode(status);
        exchange.setPersistent(false);
        exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
        if (status == 429 || status == 503) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        }
        String title = ResourceBundle.getBundle(BUNDLE, locale(exchange), IntakeAnswer.class.getClassLoader())
                .getString(code);
        String body = "{\"type\":\"about:blank\",\"status\":" + status + ",\"code\":\"" + code + "\",\"title\":\""
                + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        exchange.getResponseSender().send(body, new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange done, Sender sender) {
                done.endExchange();
                done.getIoThread().executeAfter(() -> IoUtils.safeClose(done.getConnection()), CLOSE_DELAY_MILLIS,
                        TimeUnit.MILLISECONDS);
            }

            @Override
            public void onException(HttpServerExchange failed, Sender sender, IOException exception) {
                failed.endExchange();
                IoUtils.safeClose(failed.getConnection());
            }
        });
    }

    private static Locale locale(HttpServerExchange exchange) {
        String accepted = exchange.getRequestHeaders().getFirst(Headers.ACCEPT_LANGUAGE);
        return accepted != null && accepted.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : Locale.forLanguageTag("ru");
    }
}
