package org.pbxlicensing.it.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.crypto.Ed25519;
import org.pbxlicensing.domain.crypto.SecretsKey;
import org.pbxlicensing.it.support.Certificates;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.SystemTest;

/**
 * The signing key as a dump of the database shows it: its private part reproduces the published key
 * only with the secrets key file, which lives outside the database.
 */
@SystemTest
class SigningKeyAtRestIT {

    private static final byte[] PROBE = "a certificate".getBytes(StandardCharsets.UTF_8);

    @Test
    void theStoredPrivateKeyDoesNotSignForThePublishedKey() {
        for (StoredKey stored : storedKeys()) {
            byte[] x = publishedX(stored.kid());
            for (byte[] candidate : everyDecodingOf(stored.privateKey())) {
                assertFalse(signsFor(candidate, x), "a part of the stored key of " + stored.kid() + " signs for it");
            }
        }
    }

    @Test
    void theStoredPrivateKeyOpensWithTheSecretsKeyFileAndSignsForThePublishedKey() {
        SecretsKey secretsKey = SecretsKey.read(Path.of(System.getProperty("it.secrets.key.file")));
        List<StoredKey> keys = storedKeys();
        assertFalse(keys.isEmpty());
        for (StoredKey stored : keys) {
            assertTrue(SecretsKey.isSealed(stored.privateKey()), stored.kid());
            byte[] seed = secretsKey.open(stored.privateKey(), "signing_key " + stored.generation() + " " + stored.kid());
            assertEquals(Ed25519.KEY_LENGTH, seed.length);
            assertTrue(signsFor(seed, publishedX(stored.kid())), stored.kid());
        }
    }

    private record StoredKey(int generation, String kid, String privateKey) {
    }

    private static List<StoredKey> storedKeys() {
        var keys = new ArrayList<StoredKey>();
        for (String row : Database.strings("SELECT CONCAT_WS(' ', generation, kid, private_key) FROM signing_key")) {
            String[] parts = row.split(" ", 3);
            keys.add(new StoredKey(Integer.parseInt(parts[0]), parts[1], parts[2]));
        }
        return keys;
    }

    private static byte[] publishedX(String kid) {
        return ((OctetKeyPair) Certificates.keys().getKeyByKeyId(kid)).getDecodedX();
    }

    /** The column whole and each of its parts, read as base64url and base64: whatever an attacker would try. */
    private static List<byte[]> everyDecodingOf(String column) {
        var decodings = new ArrayList<byte[]>();
        var texts = new ArrayList<>(List.of(column.split("[.:]")));
        texts.add(column);
        for (String text : texts) {
            for (Base64.Decoder decoder : List.of(Base64.getUrlDecoder(), Base64.getDecoder())) {
                try {
                    byte[] bytes = decoder.decode(text);
                    for (int start = 0; start + Ed25519.KEY_LENGTH <= bytes.length; start++) {
                        decodings.add(Arrays.copyOfRange(bytes, start, start + Ed25519.KEY_LENGTH));
                    }
                } catch (IllegalArgumentException notThisEncoding) {
                    // the next one
                }
            }
        }
        return decodings;
    }

    private static boolean signsFor(byte[] seed, byte[] x) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(Ed25519.privateKey(seed));
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(Ed25519.publicKey(x));
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
