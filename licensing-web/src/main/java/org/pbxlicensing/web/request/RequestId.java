package org.pbxlicensing.web.request;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The id of the HTTP request being served: the client's {@code X-Request-Id} when it is a sane token,
 * else a new UUID. It is in the logging MDC while the request runs and in the answer's header.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    /** The key in the logging MDC, hence in the {@code mdc} of JSON log lines. */
    public static final String MDC_KEY = "requestId";
    /** The request attribute that keeps it for error pages, which run after the request's filters. */
    public static final String ATTRIBUTE = RequestId.class.getName();

    /** Letters, digits and {@code . _ : -}: nothing that could forge a log line or a header. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private RequestId() {
    }

    /** The client's id if it is sane, else a new one. */
    public static String of(String offered) {
        if (offered != null && SANE.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }

    /** The id of the request this thread serves, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
