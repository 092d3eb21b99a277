package org.pbxlicensing.domain.licensev2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An installation's id: the first 32 lowercase hex characters of SHA-256 over its public key's PEM
 * text exactly as the PBX sent it, so that the id cannot be claimed without the key.
 */
public final class InstallId {

    public static final int LENGTH = 32;
    /** Installations bind licenses as hosts with this prefix before their install id. */
    public static final String HOST_ID_PREFIX = "v2:";

    private static final Pattern FORMAT = Pattern.compile("^[0-9a-f]{" + LENGTH + "}$");

    private InstallId() {
    }

    public static String of(String pubkeyPem) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pubkeyPem.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK offers no SHA-256", e);
        }
    }

    public static boolean isWellFormed(String installId) {
        return installId != null && FORMAT.matcher(installId).matches();
    }

    public static String hostId(String installId) {
        return HOST_ID_PREFIX + installId;
    }
}
