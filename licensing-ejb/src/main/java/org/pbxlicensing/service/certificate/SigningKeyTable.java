package org.pbxlicensing.service.certificate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pbxlicensing.domain.crypto.SecretsKey;

/**
 * The {@code signing_key} table: one generated key per generation, shared by the nodes of a cluster.
 * The private part is sealed with the secrets key, which is kept outside the database.
 */
class SigningKeyTable {

    private final Connection connection;
    private final SecretsKey secretsKey;

    SigningKeyTable(Connection connection, SecretsKey secretsKey) {
        this.connection = connection;
        this.secretsKey = secretsKey;
    }

    /** Stores the key unless the generation already has one: the first node to insert wins. */
    void insertIfAbsent(int generation, SigningKey key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT IGNORE INTO signing_key (generation, kid, algorithm, public_key, private_key, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setInt(1, generation);
            insert.setString(2, key.kid());
            insert.setString(3, JWSAlgorithm.EdDSA.getName());
            insert.setString(4, Base64URL.encode(key.publicKeyBytes()).toString());
            insert.setString(5, secretsKey.seal(key.privateKeyBytes(), context(generation, key.kid())));
            insert.setObject(6, LocalDateTime.ofInstant(key.created(), ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    Optional<SigningKey> find(int generation) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT kid, algorithm, public_key, private_key, created_at FROM signing_key WHERE generation = ?""")) {
            select.setInt(1, generation);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(signingKey(generation, row)) : Optional.empty();
            }
        }
    }

    /**
     * Seals the private keys that an older build stored in plain text, once: while no key is sealed
     * yet. A plain key beside sealed ones was written outside the server, and is refused. Each update
     * names the plain value it replaces, so nodes starting together seal a key once.
     *
     * @return how many keys were sealed
     */
    int sealPlainKeys() throws SQLException {
        List<PlainKey> plain = plainKeys();
        if (plain.isEmpty()) {
            return 0;
        }
        if (hasSealedKeys()) {
            throw new IllegalStateException("signing_key generation " + plain.get(0).generation() + " holds a"
                    + " private key in plain text beside encrypted ones: it was not written by this server, which"
                    + " refuses to sign with it");
        }
        int sealed = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE signing_key SET private_key = ? WHERE generation = ? AND private_key = ?")) {
            for (PlainKey key : plain) {
                update.setString(1, secretsKey.seal(new Base64URL(key.privateKey()).decode(),
                        context(key.generation(), key.kid())));
                update.setInt(2, key.generation());
                update.setString(3, key.privateKey());
                sealed += update.executeUpdate();
            }
        }
        return sealed;
    }

    private record PlainKey(int generation, String kid, String privateKey) {
    }

    private List<PlainKey> plainKeys() throws SQLException {
        var keys = new ArrayList<PlainKey>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT generation, kid, private_key FROM signing_key WHERE private_key NOT LIKE 'v1.%'");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(new PlainKey(rows.getInt("generation"), rows.getString("kid"), rows.getString("private_key")));
            }
        }
        return keys;
    }

    private boolean hasSealedKeys() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM signing_key WHERE private_key LIKE 'v1.%' LIMIT 1");
                ResultSet rows = select.executeQuery()) {
            return rows.next();
        }
    }

    private SigningKey signingKey(int generation, ResultSet row) throws SQLException {
        String kid = row.getString("kid");
        if (!JWSAlgorithm.EdDSA.getName().equals(row.getString("algorithm"))) {
            throw new IllegalStateException("Signing key generation " + generation + " (" + kid
                    + ") has algorithm " + row.getString("algorithm") + "; only EdDSA is supported");
        }
        return SigningKey.fromRaw(kid,
                new Base64URL(row.getString("public_key")).decode(),
                privateKey(generation, kid, row.getString("private_key")),
                row.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    /** Only sealed keys: plain ones were sealed at start, or refused. */
    private byte[] privateKey(int generation, String kid, String stored) {
        if (!SecretsKey.isSealed(stored)) {
            throw new IllegalStateException("signing_key generation " + generation + " holds a private key in plain"
                    + " text; the server signs only with keys it encrypted");
        }
        return secretsKey.open(stored, context(generation, kid));
    }

    /** What a sealed key belongs to: a sealed value copied to another row does not open there. */
    private static String context(int generation, String kid) {
        return "signing_key " + generation + " " + kid;
    }
}
