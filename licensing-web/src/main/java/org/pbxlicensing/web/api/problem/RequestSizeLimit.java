package org.pbxlicensing.web.api.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies larger than any request of the API needs, before reading them when the
 * length is announced, while reading them when it is not.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    static final int MAX_BODY_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
                    request.abortWith(Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, acceptableLanguages(request)));
                    return;
                }
            } catch (NumberFormatException ignored) {
                // the container refuses a malformed length itself
            }
        }
        request.setEntityStream(new LimitedStream(request.getEntityStream()));
    }

    private static java.util.List<java.util.Locale> acceptableLanguages(ContainerRequestContext request) {
        try {
            return request.getAcceptableLanguages();
        } catch (RuntimeException malformedHeader) {
            return java.util.List.of();
        }
    }

    private static final class LimitedStream extends FilterInputStream {
        private long remaining = MAX_BODY_BYTES;

        LimitedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            remaining -= n;
            if (remaining < 0) {
                throw new PayloadTooLargeException();
            }
        }
    }
}
