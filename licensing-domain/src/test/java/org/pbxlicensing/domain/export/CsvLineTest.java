package org.pbxlicensing.domain.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineTest {

    @Test
    void plainFieldsAreJoinedByCommasAndEndWithCrLf() {
        assertEquals("a,1,\r\n", CsvLine.of(Arrays.asList("a", 1, null)));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"ООО \"\"Ромашка\"\", Москва\",\"two\nlines\"\r\n",
                CsvLine.of(List.of("ООО \"Ромашка\", Москва", "two\nlines")));
    }

    @Test
    void formulasAreDefused() {
        assertEquals("'=SUM(A1),'+7 999,'-1,'@cmd\r\n", CsvLine.of(List.of("=SUM(A1)", "+7 999", "-1", "@cmd")));
    }
}
