package org.pbxlicensing.domain.code;

import java.util.Objects;

/**
 * A valid check-symbol code: a prefix and 20 Crockford symbols, the last one the Damm check symbol.
 * Instances come only from {@link CheckedCodeFormat}. {@link #toString()} is masked because codes are
 * credentials; use {@link #value()} for the canonical form.
 */
public final class CheckedCode {

    private static final char SEPARATOR = '-';
    private static final char HIDDEN = '*';
    /** Symbols of the last group shown by {@link #masked()}; together 10 of the 95 random bits. */
    private static final int REVEALED_SYMBOLS = 2;

    private final String prefix;
    private final String body;
    private final String value;

    CheckedCode(String prefix, String body) {
        this.prefix = prefix;
        this.body = body;
        this.value = prefix + SEPARATOR + grouped(body);
    }

    public String prefix() {
        return prefix;
    }

    /** The 20 symbols without prefix and dashes, check symbol last. */
    public String body() {
        return body;
    }

    /** Canonical form, e.g. {@code MIKO-0A1B2-C3D4E-F5G6H-J7K88}. */
    public String value() {
        return value;
    }

    /** A form safe for logs, e.g. {@code MIKO-*****-*****-*****-J7***}. */
    public String masked() {
        int lastGroupStart = CheckedCodeFormat.BODY_LENGTH - CheckedCodeFormat.GROUP_LENGTH;
        StringBuilder masked = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            boolean revealed = i >= lastGroupStart && i < lastGroupStart + REVEALED_SYMBOLS;
            masked.append(revealed ? body.charAt(i) : HIDDEN);
        }
        return prefix + SEPARATOR + grouped(masked);
    }

    private static String grouped(CharSequence symbols) {
        StringBuilder grouped = new StringBuilder(symbols.length() + CheckedCodeFormat.GROUP_COUNT);
        for (int i = 0; i < symbols.length(); i++) {
            if (i > 0 && i % CheckedCodeFormat.GROUP_LENGTH == 0) {
                grouped.append(SEPARATOR);
            }
            grouped.append(symbols.charAt(i));
        }
        return grouped.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckedCode that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
