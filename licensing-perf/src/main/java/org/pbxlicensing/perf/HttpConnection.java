package org.pbxlicensing.perf;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection of a benchmark worker, over a plain blocking socket. The JDK's
 * {@code HttpClient} spent several times the CPU of the trivial endpoint it asked, on the same two
 * cores as the server: the figures measured the load generator more than the server.
 */
final class HttpConnection implements Closeable {

    /** A request, its path relative to the base address. */
    record Request(String method, String path, byte[] body) {

        static Request get(String path) {
            return new Request("GET", path, null);
        }

        static Request post(String path, byte[] json) {
            return new Request("POST", path, json);
        }
    }

    /** An answer; status -1 when the exchange failed. */
    record Answer(int status, byte[] body) {

        static Answer failed(Exception e) {
            return new Answer(-1, e.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private final String host;
    private final int port;
    private final String pathPrefix;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(URI base, Duration timeout) {
        if (!"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("The benchmark speaks plain HTTP only, not " + base);
        }
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.pathPrefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.timeoutMillis = (int) timeout.toMillis();
    }

    /** Sends the request and reads its answer; never retries (a POST may have been carried out). */
    Answer exchange(Request request) {
        try {
            if (socket == null) {
                open();
            }
            out.write(bytesOf(request));
            out.flush();
            return read();
        } catch (IOException | RuntimeException e) {
            close();
            return Answer.failed(e);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
            socket = null;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    /** Head and body in one write, so that the server gets the request in one segment. */
    private byte[] bytesOf(Request request) {
        byte[] head = head(request);
        if (request.body() == null) {
            return head;
        }
        byte[] whole = Arrays.copyOf(head, head.length + request.body().length);
        System.arraycopy(request.body(), 0, whole, head.length, request.body().length);
        return whole;
    }

    private byte[] head(Request request) {
        var head = new StringBuilder(256)
                .append(request.method()).append(' ').append(pathPrefix).append(request.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Accept: application/json\r\n");
        if (request.body() != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(request.body().length).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private Answer read() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("Not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        byte[] body = chunked ? chunkedBody() : bytes(Math.max(0, length));
        if (closes || (!chunked && length < 0)) {
            close();
        }
        return new Answer(status, body);
    }

    private byte[] chunkedBody() throws IOException {
        var body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int extension = size.indexOf(';');
            int chunk = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            if (chunk == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(bytes(chunk));
            line();
        }
    }

    private byte[] bytes(long count) throws IOException {
        byte[] bytes = in.readNBytes((int) count);
        if (bytes.length < count) {
            throw new EOFException("The answer ended early");
        }
        return bytes;
    }

    private String line() throws IOException {
        var line = new StringBuilder(64);
        int previous = -1;
        while (true) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("The connection closed");
            }
            if (next == '\n' && previous == '\r') {
                line.setLength(line.length() - 1);
                return line.toString();
            }
            line.append((char) next);
            previous = next;
        }
    }
}
