package org.pbxlicensing.web.filter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverHttpsTest {

    private static final List<String> PROXY = List.of("10.0.0.5");

    @Test
    void aTlsConnectionIsHttpsWhateverItsHeadersSay() {
        assertTrue(OverHttps.of(true, null, "203.0.113.9", PROXY));
        assertTrue(OverHttps.of(true, "http", "203.0.113.9", PROXY));
    }

    @Test
    void onlyATrustedProxyMaySayTheClientCameOverHttps() {
        assertTrue(OverHttps.of(false, " HTTPS ", "10.0.0.5", PROXY));
        assertFalse(OverHttps.of(false, "https", "203.0.113.9", PROXY));
        assertFalse(OverHttps.of(false, "https", null, PROXY));
    }

    @Test
    void plainHttpStaysPlain() {
        assertFalse(OverHttps.of(false, null, "10.0.0.5", PROXY));
        assertFalse(OverHttps.of(false, "http", "10.0.0.5", PROXY));
    }
}
