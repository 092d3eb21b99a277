package org.pbxlicensing.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The log of the server under test, {@code server.log}, which the test server writes as one JSON object a
 * line ({@code LICENSING_LOG_FORMAT=json}). A test notes where it ends before it acts, and then reads the
 * lines written since, for instance those of one request ({@code mdc.requestId}).
 */
public final class ServerLog {

    private static final Path FILE = Path.of(System.getProperty("it.server.base", "target/wildfly-base"), "log",
            "server.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long start;

    private ServerLog(long start) {
        this.start = start;
    }

    /** The log from now on. */
    public static ServerLog fromNow() {
        return new ServerLog(FILE.toFile().length());
    }

    /** The lines written since, of the request with this id. */
    public List<JsonNode> linesOf(String requestId) {
        return lines().stream().filter(line -> requestId.equals(line.path("mdc").path("requestId").asText())).toList();
    }

    /**
     * The lines written since, up to those of a request sent now: whatever the server logged while answering the
     * requests before it is among them, also when that was nothing at all.
     */
    public List<JsonNode> linesSettled() {
        String marker = "log-settled-" + TestData.unique();
        ServerUnderTest.api().header("X-Request-Id", marker).get("/ping").then().statusCode(200);
        Poll.until("the log line of request " + marker, Duration.ofSeconds(15),
                () -> linesOf(marker).isEmpty() ? null : true);
        List<JsonNode> lines = lines();
        return lines.stream().takeWhile(line -> !marker.equals(line.path("mdc").path("requestId").asText())).toList();
    }

    /** The whole lines written since, each of which must be a JSON object. */
    public List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                lines.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new AssertionError("a log line is not JSON: " + line, e);
            }
        }
        return lines;
    }

    /** The text of the whole lines written since. */
    public String text() {
        try (RandomAccessFile file = new RandomAccessFile(FILE.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (start > 0 && startsInsideALine(file)) {
                text = text.substring(text.indexOf('\n') + 1);
            }
            int lastLine = text.lastIndexOf('\n');
            return lastLine < 0 ? "" : text.substring(0, lastLine + 1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private boolean startsInsideALine(RandomAccessFile file) throws IOException {
        file.seek(start - 1);
        return file.read() != '\n';
    }
}
