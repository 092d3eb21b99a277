package org.pbxlicensing.domain.text;

/**
 * Unicode's explicit direction controls: the marks U+061C, U+200E and U+200F, the embeddings and
 * overrides U+202A–U+202E and the isolates U+2066–U+2069. They are invisible, yet make a text show
 * in another order than it is stored ({@code "ACME\u202Egnp.exe"} shows as {@code ACMEexe.png}) and
 * reorder whatever a page shows next to them, so a name that carries one can impersonate another.
 * Names, companies, cities and host names never need them.
 */
public final class BidiControls {

    /** What a page shows in place of a direction control: visible, and without any direction of its own. */
    public static final char SHOWN_AS = '\uFFFD';

    private BidiControls() {
    }

    public static boolean isControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    public static boolean present(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The text with every direction control replaced by {@link #SHOWN_AS}; the same instance when it has none. */
    public static String neutralized(String text) {
        return replaced(text, SHOWN_AS);
    }

    /** The text with every direction control replaced by {@code replacement}; the same instance when it has none. */
    public static String replaced(String text, char replacement) {
        if (text == null || !present(text)) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (isControl(chars[i])) {
                chars[i] = replacement;
            }
        }
        return new String(chars);
    }
}
