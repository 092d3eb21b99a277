package org.pbxlicensing.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pbxlicensing.domain.event.LifecycleEvent;

class WebhookPayloadTest {

    private static final Instant NOW = Instant.parse("2026-12-07T16:00:00Z");

    @Test
    void aLicenseCreatedCarriesItsFieldsInOrderAPerpetualOneWithANullExpiry() {
        var event = LifecycleEvent.licenseCreated("ABC-1", 33, "PERPETUAL", 5, null, "STAFF", NOW);
        assertEquals("{\"type\":\"license.created\",\"timestamp\":\"2026-12-07T16:00:00Z\",\"data\":"
                        + "{\"registrationNumber\":\"ABC-1\",\"feature\":33,\"kind\":\"PERPETUAL\",\"seats\":5,"
                        + "\"expiresAt\":null,\"source\":\"STAFF\",\"sequence\":7}}",
                WebhookPayload.numbered(WebhookPayload.of(event), 7));
    }

    @Test
    void aBindingReleasedTellsTheHostTheFeatureAndWhoReleasedIt() {
        var event = LifecycleEvent.bindingReleased("ABC-1", "host-9", 31, "CUSTOMER", NOW);
        assertEquals("{\"type\":\"binding.released\",\"timestamp\":\"2026-12-07T16:00:00Z\",\"data\":"
                        + "{\"registrationNumber\":\"ABC-1\",\"hostId\":\"host-9\",\"feature\":31,\"by\":\"CUSTOMER\","
                        + "\"sequence\":1}}",
                WebhookPayload.numbered(WebhookPayload.of(event), 1));
    }

    @Test
    void anEventIsWrittenWithoutANumberAndNumberedLastInItsData() {
        var event = LifecycleEvent.registrationCreated("ABC-1", NOW);
        String written = WebhookPayload.of(event);
        assertEquals("{\"type\":\"registration.created\",\"timestamp\":\"2026-12-07T16:00:00Z\",\"data\":"
                + "{\"registrationNumber\":\"ABC-1\"}}", written);
        assertEquals("{\"type\":\"registration.created\",\"timestamp\":\"2026-12-07T16:00:00Z\",\"data\":"
                + "{\"registrationNumber\":\"ABC-1\",\"sequence\":42}}", WebhookPayload.numbered(written, 42));
    }

    @Test
    void theTestEventCarriesOnlyItsNumber() {
        assertEquals("{\"type\":\"webhook.test\",\"timestamp\":\"2026-12-07T16:00:00Z\",\"data\":{\"sequence\":3}}",
                WebhookPayload.numbered(WebhookPayload.test(NOW), 3));
    }
}
