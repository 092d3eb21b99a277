package org.pbxlicensing.domain.licensev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void controlAndDirectionCharactersBecomeSpaces() {
        assertEquals("office pbx", Texts.clean("office\tpbx", 255));
        assertEquals("office exe.lper", Texts.clean("office\u202Eexe.lper", 255));
        assertEquals("pbx", Texts.clean("\u2067pbx\u2069", 255));
        assertNull(Texts.clean("\u200E\u200F", 255));
    }

    @Test
    void longTextsAreCutAtACharacter() {
        assertEquals("😀😀", Texts.clean("😀😀😀", 2));
    }
}
