package org.pbxlicensing.web.intake;

import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The limits of request intake, read once from the application's configuration when the first
 * request arrives (the configuration is not ready while the deployment is being built).
 */
final class IntakeSettings {

    /** The largest body the application accepts anywhere (a LicenseV2 request file), with room for headers of a form. */
    private static final long MAX_BODY_BYTES = 2 * 1024 * 1024 + 64 * 1024;

    private final ClassLoader application;
    private volatile Values values;

    private record Values(long bodyTimeoutMillis, boolean clientShareEnabled, int requestsPerClient,
            int waitingPerClient, List<String> trustedProxies) {
    }

    IntakeSettings(ClassLoader application) {
        this.application = application;
    }

    long maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    long bodyTimeoutMillis() {
        return values().bodyTimeoutMillis();
    }

    /** Off with the throttles ({@code licensing.throttle.enabled=false}), for load tests from one address. */
    boolean clientShareEnabled() {
        return values().clientShareEnabled();
    }

    /** How many requests of one client address the request threads may work on at once. */
    int requestsPerClient() {
        return values().requestsPerClient();
    }

    /** How many more of its requests wait for their turn before the client is refused. */
    int waitingPerClient() {
        return values().waitingPerClient();
    }

    List<String> trustedProxies() {
        return values().trustedProxies();
    }

    private Values values() {
        Values known = values;
        if (known == null) {
            Config config = ConfigProvider.getConfig(application);
            known = new Values(
                    config.getOptionalValue("licensing.http.body-timeout-seconds", Long.class).orElse(20L) * 1000,
                    config.getOptionalValue("licensing.throttle.enabled", Boolean.class).orElse(true),
                    config.getOptionalValue("licensing.http.max-requests-per-client", Integer.class).orElse(8),
                    config.getOptionalValue("licensing.http.max-waiting-per-client", Integer.class).orElse(256),
                    config.getOptionalValues("licensing.http.trusted-proxies", String.class).orElse(List.of()));
            values = known;
        }
        return known;
    }
}
