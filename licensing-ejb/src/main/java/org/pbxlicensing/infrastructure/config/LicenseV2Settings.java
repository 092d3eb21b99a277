package org.pbxlicensing.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the LicenseV2 protocol, from MicroProfile Config (an environment variable wins). */
@ApplicationScoped
public class LicenseV2Settings {

    @Inject
    @ConfigProperty(name = "licensing.v2.poll-seconds", defaultValue = "600")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "licensing.v2.grace", defaultValue = "P7D")
    Duration grace;

    @Inject
    @ConfigProperty(name = "licensing.v2.offline-validity", defaultValue = "P30D")
    Duration offlineValidity;

    @Inject
    @ConfigProperty(name = "licensing.v2.feature", defaultValue = "33")
    int productFeature;

    /** Seconds until the next poll; tokens keep it within the 300…900 the client accepts. */
    public int pollSeconds() {
        return pollSeconds;
    }

    /** How long an online token keeps licensing while no server answers. */
    public Duration grace() {
        return grace;
    }

    /** How long a token answering an offline request file lasts. */
    public Duration offlineValidity() {
        return offlineValidity;
    }

    /** The per-host feature every installation binds, starting its trial where the rules allow. */
    public int productFeature() {
        return productFeature;
    }
}
