package org.pbxlicensing.service.certificate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.KeyPair;
import java.util.Set;
import org.pbxlicensing.domain.crypto.Ed25519;

/**
 * Lets nimbus build {@code EdDSA} JWS objects with {@link Ed25519} (nimbus's own Ed25519 signer
 * needs Tink).
 */
public class Ed25519JwsSigner implements JWSSigner {

    private final KeyPair keyPair;
    private final JCAContext jcaContext = new JCAContext();

    public Ed25519JwsSigner(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new JOSEException("Only EdDSA can be signed with an Ed25519 key, not " + header.getAlgorithm());
        }
        return Base64URL.encode(Ed25519.sign(keyPair, signingInput));
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.EdDSA);
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }
}
