package org.pbxlicensing.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.it.support.SystemTest;

/**
 * The HTTPS listener, from a key store the test made ({@code LICENSING_HTTPS_KEYSTORE}): it serves
 * the API and the pages with the key store's certificate, and pages over HTTPS tell browsers to stay
 * on HTTPS; the same pages over HTTP do not.
 */
@SystemTest
class HttpsIT {

    private static final String HTTPS_URL = System.getProperty("it.https.url", "https://localhost:8543/licensing");

    @Test
    void theApiAnswersOverHttpsWithTheConfiguredCertificate() throws Exception {
        HttpResponse<String> ping = trusting().send(HttpRequest.newBuilder(URI.create(HTTPS_URL + "/api/v1/ping"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, ping.statusCode());
        assertTrue(ping.body().contains("\"status\":\"ok\""), ping.body());
        assertEquals("nosniff", ping.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        HttpClient ordinary = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThrows(SSLHandshakeException.class, () -> ordinary.send(
                HttpRequest.newBuilder(URI.create(HTTPS_URL + "/api/v1/ping")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void pagesOverHttpsAskBrowsersToStayOnHttps() throws Exception {
        HttpResponse<String> page = trusting().send(HttpRequest.newBuilder(URI.create(HTTPS_URL + "/login.xhtml"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="),
                page.headers().map().toString());
    }

    private static HttpClient trusting() throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("it.https.keystore")))) {
            keyStore.load(in, System.getProperty("it.https.keystore.password").toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
