package org.pbxlicensing.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example every Standard Webhooks reference library is tested with. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void reproducesThePublishedExampleOfTheSpecification() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(WebhookSecret.key(SECRET), ID, TIMESTAMP, BODY));
    }

    @Test
    void aHeaderWithSeveralSignaturesVerifiesWhenOneOfThemIsOurs() {
        String header = "v1,bm9wZQ== v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        assertTrue(WebhookSignature.verifies(WebhookSecret.key(SECRET), ID, TIMESTAMP, BODY, header));
    }

    @Test
    void anotherTimestampOrBodyDoesNotVerify() {
        String signature = WebhookSignature.sign(WebhookSecret.key(SECRET), ID, TIMESTAMP, BODY);
        assertFalse(WebhookSignature.verifies(WebhookSecret.key(SECRET), ID, TIMESTAMP + 1, BODY, signature));
        assertFalse(WebhookSignature.verifies(WebhookSecret.key(SECRET), ID, TIMESTAMP, "{}".getBytes(), signature));
    }

    @Test
    void aGeneratedSecretHas32RandomBytesAndIsNeverTheSameTwice() {
        String one = WebhookSecret.generate();
        assertTrue(one.startsWith("whsec_"));
        assertEquals(32, WebhookSecret.key(one).length);
        assertFalse(one.equals(WebhookSecret.generate()));
    }

    @Test
    void aSecretShorterThan24BytesOrWithoutItsPrefixIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.key("whsec_c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.key("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertThrows(IllegalArgumentException.class, () -> WebhookSecret.key("whsec_not base64!"));
    }
}
