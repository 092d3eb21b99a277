-- Seats of per-session features held by live sessions, kept as history once they end. A session is
-- live while ended_at IS NULL and expires_at is in the future; a heartbeat moves expires_at on.
CREATE TABLE license_session (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    -- What the client holds the session by: 128 random bits in base64url, compared case-sensitively.
    session_id        CHAR(22)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    license_id        BIGINT       NOT NULL,
    registration_id   BIGINT       NOT NULL,
    feature_number    INT          NOT NULL,
    holder_host       VARCHAR(128) COLLATE utf8mb4_bin,
    holder_user       VARCHAR(255),
    holder_process    VARCHAR(255),
    client_address    VARCHAR(45),
    started_at        DATETIME(6)  NOT NULL,
    last_heartbeat_at DATETIME(6)  NOT NULL,
    expires_at        DATETIME(6)  NOT NULL,
    ended_at          DATETIME(6),
    end_reason        VARCHAR(16),
    dropped_by        VARCHAR(100),
    drop_reason       VARCHAR(255),
    CONSTRAINT license_session_id UNIQUE (session_id),
    CONSTRAINT license_session_license FOREIGN KEY (license_id) REFERENCES license (id),
    CONSTRAINT license_session_end_reason CHECK (end_reason IN ('RELEASED', 'EXPIRED', 'DROPPED')),
    CONSTRAINT license_session_ended CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
    INDEX license_session_license_live (license_id, ended_at, expires_at),
    INDEX license_session_stale (ended_at, expires_at),
    INDEX license_session_registration (registration_id, started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

