-- MikoPBX LicenseV2 installations: a PBX known by the install id derived from its own Ed25519 key.
-- It binds licenses as host 'v2:<install id>' through the ordinary host bindings; these tables keep
-- what only the protocol knows, shared by every node: the highest seq (replay guard), the latest
-- held nonce, the latest reported usage, holders and metrics, and whether a reset awaits its refusal.

CREATE TABLE licensev2_installation (
    install_id       CHAR(32)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    pubkey           VARCHAR(200) NOT NULL,
    registration_id  BIGINT       NOT NULL,
    host_id          VARCHAR(128) NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    last_seq         BIGINT       NOT NULL DEFAULT 0,
    last_held        CHAR(32),
    app_id           VARCHAR(64),
    app_version      VARCHAR(64),
    environment      VARCHAR(16),
    fingerprint      VARCHAR(80),
    v1_hostname      VARCHAR(255),
    v1_cpuid         VARCHAR(255),
    v1_network       VARCHAR(1000),
    client_address   VARCHAR(45),
    usage_gen        CHAR(16),
    holders          MEDIUMTEXT,
    holders_complete BOOLEAN,
    metrics          MEDIUMTEXT,
    first_seen_at    DATETIME(6)  NOT NULL,
    last_seen_at     DATETIME(6)  NOT NULL,
    CONSTRAINT licensev2_installation_registration FOREIGN KEY (registration_id) REFERENCES registration (id),
    CONSTRAINT licensev2_installation_state CHECK (state IN ('ACTIVE', 'RESET')),
    INDEX licensev2_installation_registration (registration_id, last_seen_at),
    INDEX licensev2_installation_host (host_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The latest usage of per-session features an installation reported (replaced whole by each report).
CREATE TABLE licensev2_usage (
    install_id     CHAR(32) NOT NULL,
    feature_number INT      NOT NULL,
    used           INT      NOT NULL,
    peak           INT      NOT NULL,
    denied         INT      NOT NULL,
    PRIMARY KEY (install_id, feature_number),
    CONSTRAINT licensev2_usage_installation FOREIGN KEY (install_id) REFERENCES licensev2_installation (install_id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- Holders that staff or the customer dropped; each goes into the installation's next answer once.
CREATE TABLE licensev2_holder_drop (
    install_id   CHAR(32)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ref          CHAR(16)     NOT NULL,
    requested_at DATETIME(6)  NOT NULL,
    requested_by VARCHAR(100),
    delivered_at DATETIME(6),
    PRIMARY KEY (install_id, ref),
    CONSTRAINT licensev2_holder_drop_installation FOREIGN KEY (install_id) REFERENCES licensev2_installation (install_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Answers to offline request files, so that the same nonce uploaded again gets the same token.
CREATE TABLE licensev2_offline_token (
    install_id CHAR(32)    NOT NULL,
    nonce      CHAR(32)    NOT NULL,
    token      TEXT        NOT NULL,
    issued_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (install_id, nonce),
    CONSTRAINT licensev2_offline_token_installation FOREIGN KEY (install_id) REFERENCES licensev2_installation (install_id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
