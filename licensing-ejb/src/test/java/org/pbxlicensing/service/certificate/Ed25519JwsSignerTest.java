package org.pbxlicensing.service.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.security.KeyPair;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.crypto.Ed25519;

class Ed25519JwsSignerTest {

    private final KeyPair pair = Ed25519.generateKeyPair();
    private final Ed25519JwsSigner signer = new Ed25519JwsSigner(pair);

    @Test
    void signsTheSigningInputOfAJwsWithTheJdk() throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("{\"a\":1}"));

        jws.sign(signer);

        assertEquals(Set.of(JWSAlgorithm.EdDSA), signer.supportedJWSAlgorithms());
        assertTrue(Ed25519.verify(pair.getPublic(), jws.getSigningInput(), jws.getSignature().decode()));
    }

    @Test
    void refusesAnotherAlgorithm() {
        assertThrows(JOSEException.class, () -> signer.sign(new JWSHeader(JWSAlgorithm.ES256), new byte[] {1}));
    }
}
