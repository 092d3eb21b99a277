package org.pbxlicensing.service.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pbxlicensing.domain.crypto.Ed25519;

class SigningKeyFileTest {

    @TempDir
    Path directory;

    private final SigningKey key = SigningKey.generate(1, Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void readsAPrivateEd25519Jwk() throws Exception {
        Path file = write(privateJwk(key.publicKeyBytes(), key.privateKeyBytes(), "operator-2026").toJSONString());

        SigningKey read = SigningKeyFile.read(file);

        assertEquals("operator-2026", read.kid());
        assertArrayEquals(key.publicKeyBytes(), read.publicKeyBytes());
        byte[] data = {7};
        assertTrue(Ed25519.verify(key.keyPair().getPublic(), data, read.sign(data)));
    }

    @Test
    void refusesAPublicJwk() throws Exception {
        Path file = write(privateJwk(key.publicKeyBytes(), key.privateKeyBytes(), "k").toPublicJWK().toJSONString());

        assertRefused(file, "public key only");
    }

    @Test
    void refusesAKeyOfAnotherType() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();

        assertRefused(write(ec.toJSONString()), "not an OKP Ed25519 JWK");
    }

    @Test
    void refusesAJwkWithoutKid() throws Exception {
        assertRefused(write(privateJwk(key.publicKeyBytes(), key.privateKeyBytes(), null).toJSONString()), "no kid");
    }

    @Test
    void refusesAPublicKeyThatIsNotTheSeedsOwn() throws Exception {
        byte[] otherPublicKey = SigningKey.generate(1, Instant.EPOCH).publicKeyBytes();

        assertRefused(write(privateJwk(otherPublicKey, key.privateKeyBytes(), "k").toJSONString()), "no usable");
    }

    @Test
    void refusesTextThatIsNoJwk() throws Exception {
        assertRefused(write("-----BEGIN PRIVATE KEY-----"), "is not a JWK");
    }

    @Test
    void refusesAMissingFileNamingIt() {
        Path missing = directory.resolve("missing.jwk");

        assertRefused(missing, "cannot be read");
    }

    private void assertRefused(Path file, String reason) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class, () -> SigningKeyFile.read(file));
        assertTrue(refusal.getMessage().contains(file.toString()), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(reason), refusal.getMessage());
        assertFalse(refusal.getMessage().contains(Base64URL.encode(key.privateKeyBytes()).toString()));
    }

    private static OctetKeyPair privateJwk(byte[] x, byte[] d, String kid) {
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                .d(Base64URL.encode(d))
                .keyID(kid)
                .build();
    }

    private Path write(String content) throws Exception {
        return Files.writeString(Files.createTempFile(directory, "signing", ".jwk"), content);
    }
}
