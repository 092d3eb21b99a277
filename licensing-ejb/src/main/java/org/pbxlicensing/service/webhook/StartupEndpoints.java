package org.pbxlicensing.service.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.pbxlicensing.domain.webhook.WebhookSecret;
import org.pbxlicensing.infrastructure.config.WebhookSettings;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * Adds the endpoints of {@code LICENSING_WEBHOOK_URLS}, for every event and with
 * {@code LICENSING_WEBHOOK_SECRET}, unless an endpoint of that URL is there already (kept as staff
 * left it). The URL is unique in the table and the insert ignores a duplicate, so nodes starting
 * together add each endpoint once.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class StartupEndpoints {

    private static final Logger LOG = Logger.getLogger(StartupEndpoints.class.getName());
    static final String CREATED_BY = "LICENSING_WEBHOOK_URLS";

    @PersistenceContext(unitName = "licensing")
    EntityManager em;

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookClient client;

    @Inject
    ServerClock clock;

    @PostConstruct
    void addConfiguredEndpoints() {
        List<String> urls = settings.startupUrls();
        if (urls.isEmpty()) {
            return;
        }
        Optional<String> secret = settings.startupSecret();
        try {
            WebhookSecret.key(secret.orElseThrow(() -> new IllegalArgumentException("LICENSING_WEBHOOK_SECRET is not set")));
        } catch (IllegalArgumentException e) {
            LOG.severe(() -> "LICENSING_WEBHOOK_URLS ignored: " + e.getMessage());
            return;
        }
        for (String url : urls) {
            Optional<String> refused = client.refusal(url);
            if (refused.isPresent()) {
                LOG.severe(() -> "Webhook endpoint " + url + " not added: " + refused.get());
                continue;
            }
            int added = em.createNativeQuery("""
                            INSERT IGNORE INTO webhook_endpoint
                            (url, event_types, sealed_secret, enabled, created_at, created_by)
                            VALUES (?1, NULL, ?2, TRUE, ?3, ?4)""")
                    .setParameter(1, url)
                    .setParameter(2, secrets.seal(url, secret.get()))
                    .setParameter(3, clock.now())
                    .setParameter(4, CREATED_BY)
                    .executeUpdate();
            LOG.info(() -> "Webhook endpoint " + url + (added == 1 ? " added for every event" : " already known"));
        }
    }
}
