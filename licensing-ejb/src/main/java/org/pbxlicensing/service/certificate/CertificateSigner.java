package org.pbxlicensing.service.certificate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes certificates: JWS compact serialisations signed by one key, with the claims of API.md. */
public class CertificateSigner {

    private final String issuer;
    private final SigningKey key;

    public CertificateSigner(String issuer, SigningKey key) {
        this.issuer = issuer;
        this.key = key;
    }

    public String sign(CertificateClaims claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .keyID(key.kid())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claimsSet(claims));
        try {
            jwt.sign(new Ed25519JwsSigner(key.keyPair()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a certificate with " + key.kid(), e);
        }
        return jwt.serialize();
    }

    JWTClaimsSet claimsSet(CertificateClaims claims) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(claims.registrationNumber())
                .claim("host", claims.hostId())
                .claim("features", features(claims.features()))
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.validUntil()))
                .build();
    }

    private static List<Map<String, Object>> features(List<CertifiedFeature> features) {
        return features.stream().map(CertificateSigner::feature).toList();
    }

    private static Map<String, Object> feature(CertifiedFeature feature) {
        // A LinkedHashMap keeps the field order of API.md and, unlike Map.of, takes the null of a perpetual license.
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", feature.number());
        json.put("kind", feature.kind());
        // The same ISO-8601 text as the expiresAt of the answer that carries the certificate.
        json.put("expiresAt", feature.expiresAt() == null ? null : feature.expiresAt().toString());
        return json;
    }
}
