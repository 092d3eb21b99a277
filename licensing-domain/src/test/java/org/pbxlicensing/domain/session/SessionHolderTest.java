package org.pbxlicensing.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.failure.FieldError;

class SessionHolderTest {

    @Test
    void everyPartIsOptional() {
        assertEquals(List.of(), SessionHolder.violations(new SessionHolder(null, null, null), "holder."));
        assertEquals(List.of(), SessionHolder.violations(new SessionHolder("pbx-1", "Иван", "crm.exe"), "holder."));
    }

    @Test
    void hostIsAHostIdAndTextsAreBounded() {
        var holder = new SessionHolder("has space", "x".repeat(256), "tab\there");
        assertEquals(List.of(
                new FieldError("holder.host", FieldError.INVALID_FORMAT),
                new FieldError("holder.user", FieldError.TOO_LONG),
                new FieldError("holder.process", FieldError.INVALID_FORMAT)),
                SessionHolder.violations(holder, "holder."));
        assertEquals(List.of(new FieldError("holder.host", FieldError.TOO_LONG)),
                SessionHolder.violations(new SessionHolder("h".repeat(129), null, null), "holder."));
    }

    @Test
    void directionControlsAreRefusedInTheUserAndTheProcess() {
        assertEquals(List.of(
                        new FieldError("holder.user", FieldError.INVALID_FORMAT),
                        new FieldError("holder.process", FieldError.INVALID_FORMAT)),
                SessionHolder.violations(new SessionHolder("pbx-1", "ivan\u202Enimda", "crm\u2066.exe"), "holder."));
    }

    @Test
    void describesTheGivenParts() {
        assertEquals("host pbx-1, process crm.exe", new SessionHolder("pbx-1", null, "crm.exe").describe());
        assertEquals("unnamed", new SessionHolder(null, null, null).describe());
    }
}
