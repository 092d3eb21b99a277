package org.pbxlicensing.it.keys;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.pbxlicensing.it.support.ServerUnderTest.api;

import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Certificates;
import org.pbxlicensing.it.support.SystemTest;

@SystemTest
class KeysIT {

    @Test
    void publishesEd25519KeysWithoutTheirPrivatePart() {
        api().get("/keys").then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", equalTo("public, max-age=300"))
                .body("keys", not(empty()))
                .body("keys.find { it.kty == 'OKP' && it.crv == 'Ed25519' }", notNullValue())
                .body("keys.find { it.kty == 'OKP' && it.crv == 'Ed25519' }.kid", notNullValue())
                .body("keys.find { it.kty == 'OKP' && it.crv == 'Ed25519' }.x", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("keys.d", everyItem(nullValue()));
    }

    @Test
    void aCertificateSignedByAnotherKeyUnderAPublishedKidIsNotValid() throws Exception {
        String publishedKid = Certificates.keys().getKeys().get(0).getKeyID();

        assertFalse(Certificates.isValid(signedByAStranger(publishedKid)));
    }

    @Test
    void aCertificateNamingAnUnpublishedKidIsNotValid() throws Exception {
        assertFalse(Certificates.isValid(signedByAStranger("not-a-published-kid")));
    }

    private static String signedByAStranger(String kid) throws Exception {
        String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"pbx-licensing\",\"sub\":\"MIKO-00000-00000-00000-00000\",\"host\":\"h\","
                + "\"features\":[{\"number\":33,\"kind\":\"PERPETUAL\",\"expiresAt\":null}],\"iat\":1,\"exp\":4102444800}";
        String signingInput = Base64URL.encode(header) + "." + Base64URL.encode(payload);
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64URL.encode(signature.sign());
    }
}
