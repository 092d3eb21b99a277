package org.pbxlicensing.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.failure.Failure;
import org.pbxlicensing.domain.failure.FieldError;
import org.pbxlicensing.domain.failure.LicensingException;

class UntrustedJsonTest {

    @Test
    void aNumberTooLongForTheParserIsMalformedJson() {
        for (String body : new String[] {"{\"n\": " + "9".repeat(5_000) + "}",
                "{\"a\": [1, {\"n\": 0." + "1".repeat(5_000) + "}]}"}) {
            assertEquals(List.of(malformed("")), refusal(body));
        }
    }

    @Test
    void ordinaryNumbersAreRead() {
        var object = read("{\"n\": 123456789012345678901234567890, \"f\": 1.5e10}");
        assertEquals("123456789012345678901234567890", object.getJsonNumber("n").bigIntegerValue().toString());
    }

    @Test
    void nestedValuesAndEscapesAreReadAsWritten() {
        var object = read("{\"company\": \"\\u00c9cole \\ud83d\\ude00\", \"host\": {\"id\": \"pbx-1\"},"
                + " \"items\": [{\"seats\": 2}, null, true]}");
        assertEquals("École 😀", object.getString("company"));
        assertEquals("pbx-1", object.getJsonObject("host").getString("id"));
        assertEquals(2, object.getJsonArray("items").getJsonObject(0).getInt("seats"));
        assertEquals(3, object.getJsonArray("items").size());
    }

    @Test
    void aLoneSurrogateInAStringIsRefusedOnItsField() {
        assertEquals(List.of(malformed("company")), refusal("{\"company\": \"\\ud800x\"}"));
        assertEquals(List.of(malformed("company")), refusal("{\"company\": \"ACME \\udc00\"}"));
        assertEquals(List.of(malformed("company")), refusal("{\"company\": \"ACME \\ud83d\"}"));
        assertEquals(List.of(malformed("company")), refusal("{\"company\": \"\\ude00\\ud83d\"}"));
    }

    @Test
    void aLoneSurrogateDeeperDownIsRefusedOnItsPath() {
        assertEquals(List.of(malformed("host.name")), refusal("{\"host\": {\"id\": \"a\", \"name\": \"\\udfff\"}}"));
        assertEquals(List.of(malformed("items[1].note")),
                refusal("{\"items\": [{\"seats\": 1}, {\"note\": \"\\ud800\"}]}"));
        assertEquals(List.of(malformed("tags[2]")), refusal("{\"tags\": [\"a\", \"b\", \"\\ud800\"]}"));
    }

    @Test
    void aLoneSurrogateInANameIsRefusedWithTheNameShownWritable() {
        assertEquals(List.of(malformed("co\uFFFDmpany")), refusal("{\"co\\ud800mpany\": \"ACME\"}"));
        assertEquals(List.of(malformed("host.\uFFFD")), refusal("{\"host\": {\"\\udc00\": 1}}"));
    }

    @Test
    void aNameTwiceInOneObjectIsRefusedOnThatName() {
        assertEquals(List.of(malformed("email")), refusal("{\"email\": \"a@b.c\", \"email\": \"x@y.z\"}"));
        assertEquals(List.of(malformed("email")), refusal("{\"email\": \"a@b.c\", \"email\": \"a@b.c\"}"));
    }

    @Test
    void aNameTwiceInANestedObjectIsRefusedOnItsPath() {
        assertEquals(List.of(malformed("host.id")), refusal("{\"host\": {\"id\": \"a\", \"name\": \"n\", \"id\": \"b\"}}"));
        assertEquals(List.of(malformed("items[0].feature")),
                refusal("{\"items\": [{\"feature\": 33, \"seats\": 1, \"feature\": 34}]}"));
    }

    @Test
    void oneNameInSeveralObjectsIsNoRepetition() {
        var object = read("{\"id\": 1, \"host\": {\"id\": 2}, \"items\": [{\"id\": 3}, {\"id\": 4}]}");
        assertEquals(4, object.getJsonArray("items").getJsonObject(1).getInt("id"));
    }

    @Test
    void everyRepeatedNameAndLoneSurrogateIsNamedInOneRefusal() {
        assertEquals(List.of(malformed("a"), malformed("b.c"), malformed("d[0]")),
                refusal("{\"a\": \"\\ud800\", \"a\": 1, \"b\": {\"c\": 1, \"c\": 2}, \"d\": [\"\\udbff\"]}"));
    }

    @Test
    void theDocumentsFieldNamesWhatIsNotAJsonObject() {
        for (String body : List.of("{}{}", "{} x", "[1]", "\"text\"", "   ", "{\"a\": 1,}", "{\"a\"}")) {
            var refusal = assertThrows(LicensingException.class,
                    () -> UntrustedJson.object(body.getBytes(StandardCharsets.UTF_8), "request", 8), body);
            assertEquals(List.of(malformed("request")), refusal.fieldErrors(), body);
        }
    }

    @Test
    void aTextThatIsNotJsonIsRefusedBeforeItsMembers() {
        assertEquals(List.of(malformed("")), refusal("{\"a\": 1, \"a\": 2"));
    }

    private static JsonObject read(String body) {
        return UntrustedJson.object(body.getBytes(StandardCharsets.UTF_8), "", 8);
    }

    private static List<FieldError> refusal(String body) {
        var refusal = assertThrows(LicensingException.class, () -> read(body), body);
        assertEquals(Failure.VALIDATION_FAILED, refusal.failure());
        return refusal.fieldErrors();
    }

    private static FieldError malformed(String field) {
        return new FieldError(field, FieldError.MALFORMED_JSON);
    }
}
