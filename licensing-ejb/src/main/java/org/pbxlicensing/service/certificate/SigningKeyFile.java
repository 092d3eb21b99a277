package org.pbxlicensing.service.certificate;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import org.pbxlicensing.domain.crypto.Ed25519;

/**
 * A signing key kept by the operator in a file: a private OKP Ed25519 JWK with {@code kid},
 * {@code x} and {@code d}. Messages name the file, never its content.
 */
public final class SigningKeyFile {

    private SigningKeyFile() {
    }

    /** @throws IllegalStateException when the file cannot be read or holds no Ed25519 private JWK */
    public static SigningKey read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw refused(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        OctetKeyPair jwk = ed25519PrivateJwk(file, json);
        try {
            return SigningKey.fromRaw(jwk.getKeyID(), jwk.getDecodedX(), jwk.getDecodedD(), created(file, jwk));
        } catch (IllegalArgumentException e) {
            throw refused(file, "holds no usable Ed25519 key pair: " + e.getMessage());
        }
    }

    private static OctetKeyPair ed25519PrivateJwk(Path file, String json) {
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException e) {
            throw refused(file, "is not a JWK");
        }
        if (!(jwk instanceof OctetKeyPair okp)) {
            throw refused(file, "is not an OKP Ed25519 JWK (kty " + jwk.getKeyType() + ")");
        }
        if (!Curve.Ed25519.equals(okp.getCurve())) {
            throw refused(file, "is not an OKP Ed25519 JWK (crv " + okp.getCurve() + ")");
        }
        if (!okp.isPrivate()) {
            throw refused(file, "holds a public key only; the private part (d) is needed to sign");
        }
        if (okp.getKeyID() == null || okp.getKeyID().isBlank()) {
            throw refused(file, "has no kid");
        }
        return okp;
    }

    private static Instant created(Path file, JWK jwk) {
        if (jwk.getIssueTime() != null) {
            return jwk.getIssueTime().toInstant();
        }
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }

    private static IllegalStateException refused(Path file, String reason) {
        return new IllegalStateException("Signing key file " + file + " " + reason);
    }
}
