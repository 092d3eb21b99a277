package org.pbxlicensing.service.certificate;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.List;

/** The JWKS that PBXs verify certificates with: public halves only, in the order given. */
public final class PublicKeySet {

    private PublicKeySet() {
    }

    public static JWKSet of(List<SigningKey> keys) {
        return new JWKSet(keys.stream().<JWK>map(SigningKey::publicJwk).toList());
    }

    public static String json(List<SigningKey> keys) {
        return of(keys).toString(true);
    }
}
