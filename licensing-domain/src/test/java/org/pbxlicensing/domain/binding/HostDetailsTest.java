package org.pbxlicensing.domain.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.failure.FieldError;

class HostDetailsTest {

    @Test
    void anIdAloneIsEnough() {
        assertEquals(List.of(), HostDetails.violations(new HostDetails("pbx-1", null, null, null), "host."));
        assertEquals(List.of(), HostDetails.violations(
                new HostDetails("pbx-1", "офис-АТС", "Debian 12", "2024.1.114"), "host."));
    }

    @Test
    void theIdIsPrintableAscii() {
        assertEquals(List.of(new FieldError("host.id", FieldError.REQUIRED)),
                HostDetails.violations(new HostDetails(null, null, null, null), "host."));
        assertEquals(List.of(new FieldError("host.id", FieldError.INVALID_FORMAT)),
                HostDetails.violations(new HostDetails("pbx\u202E1", null, null, null), "host."));
    }

    @Test
    void controlAndDirectionCharactersAreRefusedInTheNameTheOsAndTheVersion() {
        assertEquals(List.of(
                        new FieldError("host.name", FieldError.INVALID_FORMAT),
                        new FieldError("host.os", FieldError.INVALID_FORMAT),
                        new FieldError("host.productVersion", FieldError.INVALID_FORMAT)),
                HostDetails.violations(new HostDetails("pbx-1", "office\u202Exe.lper", "Linux\u200F", "1\u2068.0"), "host."));
        assertEquals(List.of(new FieldError("host.name", FieldError.INVALID_FORMAT)),
                HostDetails.violations(new HostDetails("pbx-1", "two\nlines", null, null), "host."));
    }

    @Test
    void textsAreBoundedInCharacters() {
        assertEquals(List.of(new FieldError("host.name", FieldError.TOO_LONG),
                        new FieldError("host.productVersion", FieldError.TOO_LONG)),
                HostDetails.violations(new HostDetails("pbx-1", "я".repeat(256), "я".repeat(255), "1".repeat(65)),
                        "host."));
    }
}
