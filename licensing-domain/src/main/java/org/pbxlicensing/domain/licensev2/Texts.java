package org.pbxlicensing.domain.licensev2;

/** Free text a PBX reports, made fit to store: no control characters, at most so many characters. */
final class Texts {

    private Texts() {
    }

    static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        String printable = text.replaceAll("\\p{Cntrl}", " ").strip();
        if (printable.isEmpty()) {
            return null;
        }
        if (printable.codePointCount(0, printable.length()) <= maxLength) {
            return printable;
        }
        return printable.substring(0, printable.offsetByCodePoints(0, maxLength));
    }
}
