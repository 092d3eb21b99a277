package org.pbxlicensing.domain.licensev2;

import org.pbxlicensing.domain.text.BidiControls;

/**
 * Free text a PBX reports, made fit to store: no control characters and no direction controls (each
 * becomes a space), at most so many characters. It is information only, so it is cleaned, not refused.
 */
final class Texts {

    private Texts() {
    }

    static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        String printable = BidiControls.replaced(text, ' ').replaceAll("\\p{Cntrl}", " ").strip();
        if (printable.isEmpty()) {
            return null;
        }
        if (printable.codePointCount(0, printable.length()) <= maxLength) {
            return printable;
        }
        return printable.substring(0, printable.offsetByCodePoints(0, maxLength));
    }
}
