package org.pbxlicensing.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pbxlicensing.domain.crypto.Ed25519;
import org.pbxlicensing.it.support.Certificates;
import org.pbxlicensing.it.support.DatabaseProcess;
import org.pbxlicensing.it.support.FaultDirectories;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.ServerProcess;
import org.pbxlicensing.it.support.StartedProcesses;

/**
 * The two ways of keeping the signing key, with the keys in the database encrypted: a rotation by
 * generation keeps the previous key published, and a key file signs with no secrets key at all.
 */
class SigningKeyRotationIT {

    @RegisterExtension
    final StartedProcesses started = new StartedProcesses();

    @Test
    void aNewGenerationSignsWithANewSealedKeyAndThePreviousOneStaysPublished() throws Exception {
        DatabaseProcess database = started.add(DatabaseProcess.fresh("rotation"));
        ServerProcess server = started.add(ServerProcess.boot("rotation", database));
        String first = signingKid();

        server.stop();
        server.setting("LICENSING_SIGNING_KEY_GENERATION", "2").start();

        String second = signingKid();
        assertNotEquals(first, second);
        Set<String> published = Certificates.keys().getKeys().stream().map(JWK::getKeyID).collect(Collectors.toSet());
        assertEquals(Set.of(second, first), published);
        assertEquals(List.of(List.of(2L)), database.rows(
                "SELECT COUNT(*) FROM signing_key WHERE private_key LIKE 'v1.%'"));
    }

    @Test
    void aKeyFileSignsWithoutASecretsKeyAndNothingIsStored() throws Exception {
        KeyPair pair = Ed25519.generateKeyPair();
        OctetKeyPair key = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(Ed25519.rawPublicKey(pair.getPublic())))
                .d(Base64URL.encode(Ed25519.rawPrivateKey(pair.getPrivate())))
                .keyID("operator-key-1")
                .build();
        Path keyFile = FaultDirectories.fresh("key-file").resolve("signing-key.jwk");
        Files.writeString(keyFile, key.toJSONString());
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        DatabaseProcess database = started.add(DatabaseProcess.fresh("key-file"));
        started.add(ServerProcess.boot("key-file", database, process -> process
                .setting("LICENSING_SIGNING_KEY_FILE", keyFile.toString())
                .setting("LICENSING_SECRETS_KEY_FILE", null)));

        assertEquals("operator-key-1", signingKid());
        assertEquals(List.of("operator-key-1"),
                Certificates.keys().getKeys().stream().map(JWK::getKeyID).toList());
        assertEquals(List.of(List.of(0L)), database.rows("SELECT COUNT(*) FROM signing_key"));
    }

    /** The kid of the certificate a freshly activated host receives, which verifies against the published keys. */
    private static String signingKid() throws Exception {
        String certificate = Pbx.activate(Pbx.register(), Pbx.newHostId()).then().statusCode(200)
                .extract().path("certificate");
        Certificates.verify(certificate);
        String kid = SignedJWT.parse(certificate).getHeader().getKeyID();
        assertTrue(kid != null && !kid.isBlank());
        return kid;
    }
}
