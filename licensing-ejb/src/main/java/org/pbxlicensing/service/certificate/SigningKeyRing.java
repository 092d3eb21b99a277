package org.pbxlicensing.service.certificate;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pbxlicensing.domain.crypto.SecretsKey;
import org.pbxlicensing.infrastructure.time.ServerClock;

/**
 * The current signing key and the previous one, fixed at start-up. Either the operator supplies
 * them as JWK files, or the nodes share generated keys through the {@code signing_key} table, their
 * private parts encrypted with the secrets key ({@code licensing.secrets.key-file}): rotation is a
 * higher {@code licensing.signing.key-generation} and a restart of the nodes.
 * <p>
 * Bean-managed transactions, so that each statement commits on its own: a node that lost the race
 * to insert a generation reads the winner's row, and on Galera a conflicting autocommit insert is
 * retried by Galera itself (wsrep_retry_autocommit) instead of failing the deployment.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class SigningKeyRing {

    private static final Logger LOG = Logger.getLogger(SigningKeyRing.class.getName());

    @Resource(lookup = "java:jboss/datasources/LicensingDS")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "licensing.signing.key-file")
    Optional<String> keyFile;

    @Inject
    @ConfigProperty(name = "licensing.signing.previous-key-file")
    Optional<String> previousKeyFile;

    @Inject
    @ConfigProperty(name = "licensing.signing.key-generation", defaultValue = "1")
    int generation;

    @Inject
    @ConfigProperty(name = "licensing.secrets.key-file")
    Optional<String> secretsKeyFile;

    @Inject
    ServerClock clock;

    private SigningKey current;
    private SigningKey previous;

    @PostConstruct
    void load() {
        if (keyFile.isPresent()) {
            loadFromFiles();
        } else {
            loadFromDatabase();
        }
        if (previous != null && previous.kid().equals(current.kid())) {
            throw new IllegalStateException("The previous signing key has the kid of the current one: " + current.kid());
        }
        LOG.info(() -> "Signing with key " + current.kid()
                + (previous == null ? "" : "; also publishing the previous key " + previous.kid()));
    }

    /** The key that signs now. */
    @Lock(LockType.READ)
    public SigningKey current() {
        return current;
    }

    /** The key that signed before the last rotation: still published, no longer used to sign. */
    @Lock(LockType.READ)
    public Optional<SigningKey> previous() {
        return Optional.ofNullable(previous);
    }

    /** The keys a verifier may meet, the current one first. */
    @Lock(LockType.READ)
    public List<SigningKey> published() {
        return Stream.concat(Stream.of(current()), previous().stream()).toList();
    }

    private void loadFromFiles() {
        current = SigningKeyFile.read(Path.of(keyFile.get()));
        previous = previousKeyFile.map(file -> SigningKeyFile.read(Path.of(file))).orElse(null);
    }

    private void loadFromDatabase() {
        if (previousKeyFile.isPresent()) {
            throw new IllegalStateException(
                    "licensing.signing.previous-key-file is set without licensing.signing.key-file");
        }
        if (generation < 1) {
            throw new IllegalStateException("licensing.signing.key-generation must be at least 1, not " + generation);
        }
        try (Connection connection = dataSource.getConnection()) {
            SigningKeyTable table = new SigningKeyTable(connection, secretsKey());
            int sealed = table.sealPlainKeys();
            if (sealed > 0) {
                LOG.warning(() -> "Encrypted " + sealed + " signing key(s) that were stored in plain text. Backups"
                        + " taken before still hold them: rotate (raise LICENSING_SIGNING_KEY_GENERATION) once every"
                        + " node runs this version");
            }
            current = table.find(generation).orElseGet(() -> generateAndReadBack(table));
            previous = generation > 1 ? table.find(generation - 1).orElse(null) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the signing keys: " + e.getMessage(), e);
        }
    }

    private SecretsKey secretsKey() {
        return SecretsKey.read(Path.of(secretsKeyFile.orElseThrow(() -> new IllegalStateException(
                "Signing keys kept in the database are encrypted with a key kept outside it: set"
                        + " LICENSING_SECRETS_KEY_FILE to a file made by scripts/secrets-key.sh (the same file on"
                        + " every node), or sign with LICENSING_SIGNING_KEY_FILE"))));
    }

    private SigningKey generateAndReadBack(SigningKeyTable table) {
        try {
            table.insertIfAbsent(generation, SigningKey.generate(generation, clock.now()));
            return table.find(generation).orElseThrow(
                    () -> new IllegalStateException("Signing key generation " + generation + " vanished after its insert"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store signing key generation " + generation + ": " + e.getMessage(), e);
        }
    }
}
