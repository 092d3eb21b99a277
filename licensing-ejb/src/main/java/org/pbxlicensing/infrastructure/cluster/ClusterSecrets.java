package org.pbxlicensing.infrastructure.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A node that is told of other members must encrypt and authenticate its cluster traffic with keys
 * of the operator's own: the server's defaults (a key store made with the build, a fixed secret) are
 * fit only for a node alone. Refusing to start is the only safe answer to a half-configured cluster.
 */
@Startup
@Singleton
public class ClusterSecrets {

    @Inject
    @ConfigProperty(name = "licensing.cluster.members")
    Optional<String> members;

    @Inject
    @ConfigProperty(name = "licensing.cluster.keystore")
    Optional<String> keyStore;

    @Inject
    @ConfigProperty(name = "licensing.cluster.keystore-password")
    Optional<String> keyStorePassword;

    @Inject
    @ConfigProperty(name = "licensing.cluster.secret")
    Optional<String> secret;

    @PostConstruct
    void requireOwnSecretsWithMembers() {
        if (given(members).isEmpty()) {
            return;
        }
        if (given(keyStore).isEmpty() || given(keyStorePassword).isEmpty() || given(secret).isEmpty()) {
            throw new IllegalStateException("LICENSING_CLUSTER_MEMBERS is set: set LICENSING_CLUSTER_KEYSTORE,"
                    + " LICENSING_CLUSTER_KEYSTORE_PASSWORD and LICENSING_CLUSTER_SECRET too (the same on every node),"
                    + " so that cluster traffic is encrypted and only members that know the secret join");
        }
        if (!Files.isReadable(Path.of(keyStore.get()))) {
            throw new IllegalStateException("LICENSING_CLUSTER_KEYSTORE names no readable file: " + keyStore.get());
        }
    }

    private static Optional<String> given(Optional<String> setting) {
        return setting.filter(value -> !value.isBlank());
    }
}
