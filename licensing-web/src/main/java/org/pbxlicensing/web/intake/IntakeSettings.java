package org.pbxlicensing.web.intake;

import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The limits of request intake, read once from the application's configuration when the first
 * request arrives (the configuration is not ready while the deployment is being built).
 */
final class IntakeSettings {

    /** The largest body the application accepts (a LicenseV2 request file), with room for a form's parts. */
    private static final long MAX_BODY_BYTES = 2 * 1024 * 1024 + 64 * 1024;
    /** The JSON API takes no body above 64 KiB. */
    private static final long MAX_API_BODY_BYTES = 64 * 1024;
    private static final String API_PATH = "/api/";

    private final ClassLoader application;
    private volatile Values values;

    private record Values(long bodyTimeoutMillis, boolean clientShareEnabled, int requestsPerClient,
            int waitingPerClient, List<String> trustedProxies) {
    }

    private final String contextPath;
    private final BodyBudget bodyBudget = new BodyBudget(128L * 1024 * 1024);

    IntakeSettings(ClassLoader application, String contextPath) {
        this.application = application;
        this.contextPath = contextPath;
    }

    /** The largest body a request to the path may have: the API's limit, or the largest any page or door takes. */
    long maxBodyBytes(String requestPath) {
        return requestPath.startsWith(contextPath + API_PATH) ? MAX_API_BODY_BYTES : MAX_BODY_BYTES;
    }

    BodyBudget bodyBudget() {
        return bodyBudget;
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

    /** How long a request may wait for its turn before it is refused. */
    long waitingMillis() {
        return values().bodyTimeoutMillis();
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
                    atLeastOne(config, "licensing.http.max-requests-per-client", 8),
                    config.getOptionalValue("licensing.http.max-waiting-per-client", Integer.class).orElse(64),
                    config.getOptionalValues("licensing.http.trusted-proxies", String.class).orElse(List.of()));
            values = known;
        }
        return known;
    }

    private static int atLeastOne(Config config, String name, int fallback) {
        int value = config.getOptionalValue(name, Integer.class).orElse(fallback);
        if (value < 1) {
            throw new IllegalStateException(name + " must be at least 1, not " + value);
        }
        return value;
    }
}
