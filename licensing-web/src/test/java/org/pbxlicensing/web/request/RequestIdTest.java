package org.pbxlicensing.web.request;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdTest {

    @Test
    void keepsASaneIdOfTheClient() {
        assertEquals("pbx-42.check:7_a", RequestId.of("pbx-42.check:7_a"));
    }

    @Test
    void replacesMissingOrUnsafeIdsWithAUuid() {
        for (String offered : new String[] {null, "", "two words", "line\nbreak", "\"quoted\"", "-leading", "x".repeat(129)}) {
            String id = RequestId.of(offered);
            assertNotEquals(offered, id);
            assertDoesNotThrow(() -> UUID.fromString(id));
        }
    }
}
