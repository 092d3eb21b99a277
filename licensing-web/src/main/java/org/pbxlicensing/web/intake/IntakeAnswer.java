package org.pbxlicensing.web.intake;

import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;
import org.xnio.IoUtils;

/**
 * A refusal written in the I/O thread, before any request thread has the request: problem+json with
 * the application's stable code, and the connection closed, since the rest of its request is unread.
 */
final class IntakeAnswer {

    private static final String BUNDLE = "org.pbxlicensing.web.api.problem.problems";

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
        if (status == 429) {
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
                IoUtils.safeClose(done.getConnection());
            }

            @Override
            public void onException(HttpServerExchange failed, Sender sender, IOException exception) {
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
