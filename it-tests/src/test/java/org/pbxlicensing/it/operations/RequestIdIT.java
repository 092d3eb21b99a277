package org.pbxlicensing.it.operations;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.licensev2.EntitlementEndpoint;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.Poll;
import org.pbxlicensing.it.support.SystemTest;
import org.pbxlicensing.it.support.TestData;

/**
 * Every answer carries the id of its request, and the server's log lines of that request carry it
 * too, so that a PBX's complaint can be traced. The test server logs JSON (LICENSING_LOG_FORMAT=json).
 */
@SystemTest
class RequestIdIT {

    private static final String HEADER = "X-Request-Id";
    private static final Path LOG = Path.of(System.getProperty("it.server.base"), "log", "server.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAnswerWithoutAnIdOfTheClientGetsANewOne() {
        String first = api().get("/ping").then().statusCode(200).extract().header(HEADER);
        String second = api().get("/ping").then().statusCode(200).extract().header(HEADER);

        assertDoesNotThrow(() -> UUID.fromString(first));
        assertNotEquals(first, second);
    }

    @Test
    void aSaneIdOfTheClientIsEchoedAndAnUnsafeOneReplaced() {
        String id = "pbx-" + TestData.unique();
        api().header(HEADER, id).get("/ping").then().statusCode(200).header(HEADER, id);

        String replaced = api().header(HEADER, "two words\"").get("/ping").then().statusCode(200).extract().header(HEADER);
        assertDoesNotThrow(() -> UUID.fromString(replaced));
    }

    @Test
    void problemAnswersCarryTheIdInHeaderAndBody() {
        String id = "complaint-" + TestData.unique();
        api().header(HEADER, id)
                .body(Map.of("registrationNumber", "MIKO-00000-00000-00000-00000", "hostId", "h"))
                .post("/checks").then()
                .statusCode(404)
                .header(HEADER, id)
                .body("code", equalTo("REGISTRATION_NOT_FOUND"))
                .body("requestId", equalTo(id));

        Response malformed = api().body("{not json").post("/registrations");
        assertEquals(400, malformed.statusCode());
        assertEquals(malformed.header(HEADER), malformed.path("requestId"));
    }

    @Test
    void licenseV2AnswersCarryTheIdToo() {
        String id = "v2-" + TestData.unique();
        EntitlementEndpoint.request().header(HEADER, id).body("not signed".getBytes(StandardCharsets.UTF_8))
                .post(EntitlementEndpoint.URL).then()
                .statusCode(400)
                .header(HEADER, id)
                .body("requestId", equalTo(id));
        EntitlementEndpoint.request().get(EntitlementEndpoint.URL).then().statusCode(405)
                .header(HEADER, org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theLogLinesOfARequestAreJsonAndCarryItsId() throws IOException {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        long logStart = LOG.toFile().length();
        String id = "trace-" + TestData.unique();

        api().header(HEADER, id).body(Map.of("registrationNumber", number, "hostId", host))
                .post("/checks").then().statusCode(200).header(HEADER, id);

        JsonNode access = Poll.until("the access line of request " + id, Duration.ofSeconds(30), () ->
                linesSince(logStart).stream()
                        .filter(line -> id.equals(line.path("mdc").path("requestId").asText()))
                        .filter(line -> line.path("message").asText().startsWith("POST /api/v1/checks 200 "))
                        .findFirst().orElse(null));
        assertEquals("org.pbxlicensing.access", access.path("loggerName").asText());
        String written = read(logStart);
        assertFalse(written.contains(number), "a registration number is in the log");
        assertTrue(written.contains(id));
    }

    /** The lines written since the offset, each of which must be a JSON object. */
    private static List<JsonNode> linesSince(long offset) {
        List<JsonNode> lines = new ArrayList<>();
        try {
            for (String line : read(offset).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    assertTrue(node.isObject(), "not a JSON object: " + line);
                    lines.add(node);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("a log line is not JSON", e);
        }
        return lines;
    }

    private static boolean lineGoesOnAt(RandomAccessFile file, long offset) throws IOException {
        file.seek(offset - 1);
        return file.read() != '\n';
    }

    private static String read(long offset) {
        try (RandomAccessFile file = new RandomAccessFile(LOG.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, file.length() - offset)];
            file.seek(offset);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (offset > 0 && lineGoesOnAt(file, offset)) {
                text = text.substring(text.indexOf('\n') + 1);
            }
            int lastLine = text.lastIndexOf('\n');
            return lastLine < 0 ? "" : text.substring(0, lastLine + 1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
