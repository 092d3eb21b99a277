-- Keys the server generated to sign certificates and LicenseV2 tokens, kept here so that every
-- node of a cluster signs with the same key. One row per generation: the configured generation is
-- the current key, the one before it the previous key (still published, no longer used to sign).
-- Rotation = a higher licensing.signing.key-generation and a restart of the nodes.
-- public_key is the raw 32-byte Ed25519 public key (JWK "x"), private_key the raw 32-byte private
-- seed (JWK "d"), both base64url without padding. Not used when a key file is configured.
CREATE TABLE signing_key (
    generation  INT          NOT NULL PRIMARY KEY,
    kid         VARCHAR(64)  NOT NULL,
    algorithm   VARCHAR(16)  NOT NULL,
    public_key  VARCHAR(512) NOT NULL,
    private_key VARCHAR(512) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT signing_key_kid UNIQUE (kid),
    CONSTRAINT signing_key_generation CHECK (generation > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
