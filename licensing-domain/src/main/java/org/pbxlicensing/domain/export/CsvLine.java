package org.pbxlicensing.domain.export;

import java.util.List;

/** One line of an RFC 4180 CSV file, with formulas defused for spreadsheet programs. */
public final class CsvLine {

    private CsvLine() {
    }

    /** The fields joined by commas, ended by CRLF; a null field is empty. */
    public static String of(List<?> fields) {
        var line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i) == null ? null : fields.get(i).toString()));
        }
        return line.append("\r\n").toString();
    }

    /** Quotes a value when it needs it; a value a spreadsheet would take for a formula gets a leading quote. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
