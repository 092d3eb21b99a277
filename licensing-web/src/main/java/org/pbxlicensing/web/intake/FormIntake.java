package org.pbxlicensing.web.intake;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.server.handlers.form.MultiPartParserDefinition;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.ParameterLimitException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads the form of a request for a page before anything of the servlet layer asks for a field: the staff login
 * (which keeps the fields of a request it sends to the login page), the filters, Faces. The server reads a form
 * only when first asked, and one it cannot read fails right there, as a 500 with a stack trace. Here such a form
 * gets the application's error page and one warning line: 413 for more fields than the server reads (Undertow's
 * {@code max-parameters}, 1000), 400 for a body that is no form (a multipart body that ends before its closing
 * boundary, a {@code %} that starts no escape, a charset the server does not know). Undertow would drop a field
 * with a broken escape and log its value as an error, so {@link BodyIntake}, which holds the whole body before
 * anyone parses it, has it looked at ({@link #inspect}). The JSON API and {@code /entitlement} read their bodies
 * themselves and are left alone.
 */
final class FormIntake implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(FormIntake.class.getName());
    private static final String URL_ENCODED = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";
    private static final AttachmentKey<Boolean> BROKEN_ESCAPE = AttachmentKey.create(Boolean.class);

    private final HttpHandler next;

    FormIntake(HttpHandler next) {
        this.next = next;
    }

    /** What is wrong with a form, as the warning line says, and the status it is answered with. */
    private enum Defect {
        TOO_MANY_FIELDS(413, "more fields or bytes than the server reads"),
        UNKNOWN_CHARSET(400, "a charset the server does not know"),
        BROKEN_ESCAPE(400, "a % that starts no escape"),
        UNREADABLE(400, "a body that is no readable form (cut off, or malformed)");

        private final int status;
        private final String said;

        Defect(int status, String said) {
            this.status = status;
            this.said = said;
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ServletRequestContext servlet = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
        var request = (HttpServletRequest) servlet.getServletRequest();
        Optional<Defect> defect = isForm(request) && !isMachineEndpoint(request) ? defectOf(exchange, request)
                : Optional.empty();
        if (defect.isEmpty()) {
            next.handleRequest(exchange);
            return;
        }
        LOG.warning(() -> "A form posted to " + request.getRequestURI().replaceAll("\\p{Cntrl}", "?")
                + " could not be read, " + defect.get().said + ": answered " + defect.get().status);
        ((HttpServletResponse) servlet.getServletResponse()).sendError(defect.get().status);
    }

    private static Optional<Defect> defectOf(HttpServerExchange exchange, HttpServletRequest request) {
        if (!isKnownCharset(request.getCharacterEncoding())) {
            return Optional.of(Defect.UNKNOWN_CHARSET);
        }
        if (exchange.getAttachment(BROKEN_ESCAPE) != null) {
            return Optional.of(Defect.BROKEN_ESCAPE);
        }
        try {
            request.getParameterMap();
            return Optional.empty();
        } catch (RuntimeException unreadable) {
            return Optional.of(isOverLimit(unreadable) ? Defect.TOO_MANY_FIELDS : Defect.UNREADABLE);
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = contentType(request);
        return type.startsWith(URL_ENCODED) || type.startsWith(MULTIPART);
    }

    private static String contentType(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isMachineEndpoint(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        return "/api".equals(servletPath) || "/entitlement".equals(servletPath);
    }

    private static boolean isKnownCharset(String name) {
        try {
            return name == null || Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    /**
     * Notes whether a url-encoded body has a {@code %} not followed by two hex digits: called by {@link BodyIntake}
     * with the whole body, before it hands the bytes on, since the parser that would stumble comes later.
     */
    static void inspect(HttpServerExchange exchange, List<PooledByteBuffer> body) {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (type != null && type.strip().toLowerCase(Locale.ROOT).startsWith(URL_ENCODED) && BrokenEscapes.in(body)) {
            exchange.putAttachment(BROKEN_ESCAPE, Boolean.TRUE);
        }
    }

    private static boolean isOverLimit(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ParameterLimitException || cause instanceof RequestTooBigException
                    || cause instanceof MultiPartParserDefinition.FileTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
