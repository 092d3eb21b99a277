package org.pbxlicensing.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BidiControlsTest {

    /** Every direction control Unicode defines outside its deprecated format characters. */
    static final String ALL = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    @Test
    void everyMarkEmbeddingOverrideAndIsolateIsAControl() {
        ALL.chars().forEach(c -> assertTrue(BidiControls.present(String.valueOf((char) c)), Integer.toHexString(c)));
    }

    @Test
    void lettersOfRightToLeftScriptsAndOtherInvisiblesAreNotControls() {
        assertFalse(BidiControls.present("שלום مرحبا ООО «Ромашка» ACME\u200B\u200D\uFEFF 😀"));
        assertFalse(BidiControls.present("\u2065\u206A\u2029\u200D\u061B\u061D"));
    }

    @Test
    void neutralizedShowsEachControlAsAReplacementCharacter() {
        assertEquals("ACME\uFFFDgnp.exe", BidiControls.neutralized("ACME\u202Egnp.exe"));
        assertEquals("\uFFFD".repeat(ALL.length()), BidiControls.neutralized(ALL));
    }

    @Test
    void textWithoutControlsIsKeptAsItIs() {
        String text = "ООО Ромашка";
        assertSame(text, BidiControls.neutralized(text));
        assertEquals(null, BidiControls.neutralized(null));
    }

    @Test
    void replacedPutsTheGivenCharacterInTheirPlace() {
        assertEquals("pbx 1 ", BidiControls.replaced("pbx\u20671\u2069", ' '));
    }
}
