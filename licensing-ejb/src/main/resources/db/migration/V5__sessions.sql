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

-- The store of persistent EJB timers (configure-server.cli). The server creates this table when it
-- starts, unless the database was not reachable yet; then this creates it, as the server would have.
CREATE TABLE IF NOT EXISTS JBOSS_EJB_TIMER (
    ID VARCHAR(255) PRIMARY KEY NOT NULL, TIMED_OBJECT_ID VARCHAR(255) NOT NULL, INITIAL_DATE DATETIME,
    REPEAT_INTERVAL BIGINT, NEXT_DATE DATETIME, PREVIOUS_RUN DATETIME, PRIMARY_KEY VARCHAR(255), INFO TEXT,
    TIMER_STATE VARCHAR(32), SCHEDULE_EXPR_SECOND VARCHAR(100), SCHEDULE_EXPR_MINUTE VARCHAR(100),
    SCHEDULE_EXPR_HOUR VARCHAR(100), SCHEDULE_EXPR_DAY_OF_WEEK VARCHAR(100), SCHEDULE_EXPR_DAY_OF_MONTH VARCHAR(100),
    SCHEDULE_EXPR_MONTH VARCHAR(100), SCHEDULE_EXPR_YEAR VARCHAR(100), SCHEDULE_EXPR_START_DATE VARCHAR(100),
    SCHEDULE_EXPR_END_DATE VARCHAR(100), SCHEDULE_EXPR_TIMEZONE VARCHAR(100), AUTO_TIMER BOOLEAN,
    TIMEOUT_METHOD_NAME VARCHAR(100), TIMEOUT_METHOD_DECLARING_CLASS VARCHAR(255), TIMEOUT_METHOD_DESCRIPTOR CHAR(1),
    CALENDAR_TIMER BOOLEAN, PARTITION_NAME VARCHAR(100) NOT NULL, NODE_NAME VARCHAR(255)
);
CREATE INDEX IF NOT EXISTS JBOSS_EJB_TIMER_IDENX ON JBOSS_EJB_TIMER (PARTITION_NAME, TIMED_OBJECT_ID);
