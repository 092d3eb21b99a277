package org.pbxlicensing.domain.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.search.SearchText.CodePart;

class SearchTextTest {

    @Test
    void aCodePartIsReadAsTheCodeFormatReadsIt() {
        assertEquals(Optional.of(new CodePart("46NTTG1", false)), new SearchText(" 46ntt-gl ").codePart("MIKO"));
        assertEquals(Optional.of(new CodePart("0R1WM4", false)), new SearchText("OR1 WM4").codePart("MIKO"));
    }

    @Test
    void aTypedPrefixPinsThePartToTheCodesStart() {
        assertEquals(Optional.of(new CodePart("46NTT", true)), new SearchText("miko-46NTT").codePart("MIKO"));
        assertEquals(Optional.of(new CodePart("0005D", true)), new SearchText("MIKOUPD-0005D").codePart("MIKOUPD"));
    }

    @Test
    void textThatCannotBePartOfACodeIsNoCodePart() {
        assertTrue(new SearchText("ромашк").codePart("MIKO").isEmpty());
        assertTrue(new SearchText("ab").codePart("MIKO").isEmpty(), "too short");
        assertTrue(new SearchText("UUUUU").codePart("MIKO").isEmpty(), "U is no symbol");
    }

    @Test
    void wordsBecomeRequiredWordPrefixes() {
        assertEquals("+ромашк*", new SearchText("Ромашк").wordsQuery());
        assertEquals("+ромашка* +плюс*", new SearchText("ООО «Ромашка-Плюс»").wordsQuery());
        assertEquals("+romashka*", new SearchText("info@romashka.ru").wordsQuery(), "an email's domain words");
    }

    @Test
    void wordsTheIndexLeavesOutAreNotRequired() {
        assertEquals("+romashka*", new SearchText("www.romashka.com").wordsQuery());
        assertEquals("", new SearchText("ab-cd").wordsQuery());
        assertEquals("", new SearchText("+* \"()<>~").wordsQuery(), "boolean operators are separators");
    }

    @Test
    void likeWildcardsAreTakenLiterally() {
        assertEquals("50\\%\\_off%", new SearchText("50%_off").startPattern());
    }

    @Test
    void onlyHexIsAnInstallationIdStart() {
        assertEquals(Optional.of("a1b2c3"), new SearchText("A1B2C3").hexStart());
        assertTrue(new SearchText("a1").hexStart().isEmpty());
        assertTrue(new SearchText("ромашк").hexStart().isEmpty());
    }
}
