package org.pbxlicensing.domain.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts the secrets the server keeps in its database (envelope encryption): it lives
 * in a file outside the database, so that a dump alone reveals none of them. Each secret is sealed
 * with AES-256-GCM under a fresh 96-bit nonce, bound to what it is (the {@code context}, e.g. the row
 * it belongs to) so that a sealed value copied to another row does not open there. A sealed value
 * reads {@code v1.<key id>.<nonce>.<ciphertext and tag>} (base64url): the key id names the key that
 * sealed it, so a server given another key says so instead of failing obscurely.
 */
public final class SecretsKey {

    public static final int KEY_LENGTH = 32;
    private static final String VERSION = "v1";
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String id;

    private SecretsKey(byte[] key) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("A secrets key has " + KEY_LENGTH + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.id = HexFormat.of().formatHex(sha256(key), 0, 4);
    }

    public static SecretsKey of(byte[] key) {
        return new SecretsKey(key.clone());
    }

    public static SecretsKey generate() {
        byte[] key = new byte[KEY_LENGTH];
        RANDOM.nextBytes(key);
        return new SecretsKey(key);
    }

    /**
     * A key file: the key's 32 bytes in base64 on one line, readable by its owner only. Messages name
     * the file, never its content.
     */
    public static SecretsKey read(Path file) {
        requireOwnerOnly(file);
        byte[] key;
        try {
            key = Base64.getMimeDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new IllegalStateException("Secrets key file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Secrets key file " + file + " does not hold base64");
        }
        if (key.length != KEY_LENGTH) {
            throw new IllegalStateException("Secrets key file " + file + " holds " + key.length + " bytes, not "
                    + KEY_LENGTH);
        }
        return new SecretsKey(key);
    }

    private static void requireOwnerOnly(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        } catch (IOException e) {
            throw new IllegalStateException("Secrets key file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (permissions.stream().anyMatch(permission -> permission.name().startsWith("GROUP")
                || permission.name().startsWith("OTHERS"))) {
            throw new IllegalStateException("Secrets key file " + file + " can be read by others than its owner"
                    + " (" + PosixFilePermissions.toString(permissions) + "): chmod 600 it");
        }
    }

    /** Names the key without revealing it: the first 8 hex digits of its SHA-256. */
    public String id() {
        return id;
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(VERSION + ".");
    }

    public String seal(byte[] secret, String context) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, context, secret);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return String.join(".", VERSION, id, base64.encodeToString(nonce), base64.encodeToString(sealed));
    }

    /** @throws IllegalStateException when the value was sealed by another key, for another context, or altered */
    public byte[] open(String sealedValue, String context) {
        String[] parts = sealedValue.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("Not a sealed secret (" + context + ")");
        }
        if (!id.equals(parts[1])) {
            throw new IllegalStateException("The secret of " + context + " was sealed with secrets key " + parts[1]
                    + "; this server's key is " + id + " (LICENSING_SECRETS_KEY_FILE names another file?)");
        }
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            return crypt(Cipher.DECRYPT_MODE, base64.decode(parts[2]), context, base64.decode(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The sealed secret of " + context + " is not base64url");
        }
    }

    private byte[] crypt(int mode, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("The sealed secret of " + context + " does not open: altered, or sealed for"
                    + " another place");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no SHA-256", e);
        }
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "SecretsKey[" + id + "]";
    }
}
