package org.pbxlicensing.service.certificate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@code signing_key} table: one generated key per generation, shared by the nodes of a cluster. */
class SigningKeyTable {

    private final Connection connection;

    SigningKeyTable(Connection connection) {
        this.connection = connection;
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
            insert.setString(5, Base64URL.encode(key.privateKeyBytes()).toString());
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

    private static SigningKey signingKey(int generation, ResultSet row) throws SQLException {
        String kid = row.getString("kid");
        if (!JWSAlgorithm.EdDSA.getName().equals(row.getString("algorithm"))) {
            throw new IllegalStateException("Signing key generation " + generation + " (" + kid
                    + ") has algorithm " + row.getString("algorithm") + "; only EdDSA is supported");
        }
        return SigningKey.fromRaw(kid,
                new Base64URL(row.getString("public_key")).decode(),
                new Base64URL(row.getString("private_key")).decode(),
                row.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }
}
