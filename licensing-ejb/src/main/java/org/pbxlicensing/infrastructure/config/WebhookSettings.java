package org.pbxlicensing.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Webhook endpoints given at start-up, and whether receivers on private addresses may be called. */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "licensing.webhook.urls")
    Optional<String> urls;

    @Inject
    @ConfigProperty(name = "licensing.webhook.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "licensing.webhook.allow-private", defaultValue = "false")
    boolean allowPrivate;

    /** The endpoints to add for every event at start-up, if not there yet. */
    public List<String> startupUrls() {
        return urls.map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(url -> !url.isEmpty()).toList())
                .orElse(List.of());
    }

    public Optional<String> startupSecret() {
        return secret.map(String::strip).filter(value -> !value.isEmpty());
    }

    /** True only where the operator allows loopback, link-local and private receivers (tests, in-house). */
    public boolean allowPrivate() {
        return allowPrivate;
    }
}
