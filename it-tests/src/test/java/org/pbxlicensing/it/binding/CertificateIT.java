package org.pbxlicensing.it.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.Certificates;
import org.pbxlicensing.it.support.Database;
import org.pbxlicensing.it.support.Pbx;
import org.pbxlicensing.it.support.SystemTest;

@SystemTest
class CertificateIT {

    @Test
    void certificateIsSignedWithAPublishedKeyAndSaysWhatTheHostMayRun() throws Exception {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);
        var answer = Pbx.check(number, host).then().statusCode(200).extract();

        var claims = Certificates.verify(answer.path("certificate"));

        assertEquals(number, claims.getSubject());
        assertEquals(host, claims.getStringClaim("host"));
        assertTrue(claims.getIssuer() != null && !claims.getIssuer().isBlank());
        List<Object> features = claims.getListClaim("features");
        assertEquals(1, features.size());
        @SuppressWarnings("unchecked")
        var feature = (Map<String, Object>) features.get(0);
        assertEquals(33, ((Number) feature.get("number")).intValue());
        assertEquals("TRIAL", feature.get("kind"));
        assertEquals(Instant.parse(answer.path("features[0].expiresAt")), Instant.parse((String) feature.get("expiresAt")));
        assertEquals(Instant.parse(answer.path("validUntil")).getEpochSecond(), claims.getExpirationTime().toInstant()
                .getEpochSecond());
        Duration lease = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
        assertEquals(Duration.ofDays(7), lease);
    }

    @Test
    void alteredCertificateFailsVerification() {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        String certificate = Pbx.activate(number, host).then().statusCode(200).extract().path("certificate");
        String[] parts = certificate.split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8);
        String forged = payload.replace("\"TRIAL\"", "\"PERPETUAL\"");
        String altered = parts[0] + "." + Base64URL.encode(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertTrue(Certificates.isValid(certificate));
        assertFalse(Certificates.isValid(altered));
    }

    @Test
    void certificateNeverOutlivesAFeaturesEnd() throws Exception {
        String number = Pbx.register();
        String host = Pbx.newHostId();
        Pbx.activate(number, host).then().statusCode(200);
        var answer = Pbx.checkShifted("P27D", number, host).then().statusCode(200).extract();

        var claims = Certificates.verify(answer.path("certificate"));
        Instant trialEnd = Instant.parse(answer.path("features[0].expiresAt"));
        assertEquals(trialEnd.getEpochSecond(), claims.getExpirationTime().toInstant().getEpochSecond());
        assertEquals(trialEnd, Instant.parse(answer.path("validUntil")));
    }

    @Test
    void perpetualFeatureHasNoEndInTheCertificate() throws Exception {
        String number = Pbx.register(34);
        Database.grantPerpetualLicense(number, 33, 1);
        String host = Pbx.newHostId();
        String certificate = Pbx.activate(number, host).then().statusCode(200).extract().path("certificate");

        @SuppressWarnings("unchecked")
        var feature = (Map<String, Object>) Certificates.verify(certificate).getListClaim("features").get(0);
        assertEquals("PERPETUAL", feature.get("kind"));
        assertNull(feature.get("expiresAt"));
    }
}
