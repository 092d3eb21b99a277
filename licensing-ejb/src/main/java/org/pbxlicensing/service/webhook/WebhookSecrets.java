package org.pbxlicensing.service.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.crypto.SecretsKey;

/**
 * Seals endpoint secrets with the secrets key, which lives outside the database, and opens them to
 * sign: a dump of the database alone holds no usable webhook secret. A sealed secret is bound to its
 * endpoint's URL, so that it does not open when copied to another endpoint.
 */
@ApplicationScoped
public class WebhookSecrets {

    @Inject
    @ConfigProperty(name = "licensing.secrets.key-file")
    Optional<String> secretsKeyFile;

    private volatile SecretsKey key;

    public String seal(String url, String secret) {
        return key().seal(secret.getBytes(StandardCharsets.UTF_8), context(url));
    }

    public String open(String url, String sealed) {
        return new String(key().open(sealed, context(url)), StandardCharsets.UTF_8);
    }

    private static String context(String url) {
        return "webhook_endpoint " + url;
    }

    private SecretsKey key() {
        SecretsKey loaded = key;
        if (loaded == null) {
            loaded = SecretsKey.read(Path.of(secretsKeyFile.orElseThrow(() -> new IllegalStateException(
                    "Webhook secrets are kept encrypted with a key kept outside the database: set"
                            + " LICENSING_SECRETS_KEY_FILE to a file made by scripts/secrets-key.sh"))));
            key = loaded;
        }
        return loaded;
    }
}
