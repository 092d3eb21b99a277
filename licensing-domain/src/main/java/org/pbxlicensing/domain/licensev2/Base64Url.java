package org.pbxlicensing.domain.licensev2;

import java.util.Base64;

/** RFC 4648 base64 with the URL alphabet: written without padding, read with or without it. */
public final class Base64Url {

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @throws IllegalArgumentException for characters outside the URL alphabet or an impossible length */
    public static byte[] decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no text");
        }
        return Base64.getUrlDecoder().decode(text);
    }
}
