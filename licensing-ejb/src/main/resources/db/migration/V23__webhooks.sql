-- Webhooks: the vendor's receivers, one delivery per event and receiver (the outbox), every attempt.

-- A receiver. Its secret is sealed with the secrets key (never in plain text); event_types lists wire
-- names, comma-separated, or is NULL for every event. last_sequence numbers the events written for it.
CREATE TABLE webhook_endpoint (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    url             VARCHAR(2000) NOT NULL,
    url_key         VARCHAR(64)   AS (SHA2(url, 256)) PERSISTENT,
    event_types     VARCHAR(500),
    sealed_secret   VARCHAR(500)  NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    last_sequence   BIGINT        NOT NULL DEFAULT 0,
    disabled_reason VARCHAR(500),
    created_at      DATETIME(6)   NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    CONSTRAINT webhook_endpoint_url UNIQUE (url_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- An event for a receiver, written in the transaction of the change it tells about. The body and the
-- webhook id are fixed then; a sender claims the row (claimed_by, claimed_until) before it calls.
CREATE TABLE webhook_delivery (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    webhook_id          VARCHAR(40)  NOT NULL,
    endpoint_id         BIGINT       NOT NULL,
    sequence            BIGINT       NOT NULL,
    event_type          VARCHAR(40)  NOT NULL,
    registration_number VARCHAR(64),
    body                MEDIUMTEXT   NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    attempts            INT          NOT NULL DEFAULT 0,
    next_attempt_at     DATETIME(6),
    claimed_by          VARCHAR(100),
    claimed_until       DATETIME(6),
    last_status_code    INT,
    last_error          VARCHAR(500),
    created_at          DATETIME(6)  NOT NULL,
    finished_at         DATETIME(6),
    CONSTRAINT webhook_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id),
    CONSTRAINT webhook_delivery_webhook_id UNIQUE (webhook_id),
    CONSTRAINT webhook_delivery_sequence UNIQUE (endpoint_id, sequence),
    CONSTRAINT webhook_delivery_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    INDEX webhook_delivery_due (status, next_attempt_at),
    INDEX webhook_delivery_finished (finished_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One call of a receiver: its HTTP status (NULL when none came), the first KiB of its answer or the error.
CREATE TABLE webhook_attempt (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    delivery_id  BIGINT       NOT NULL,
    attempted_at DATETIME(6)  NOT NULL,
    status_code  INT,
    answer       VARCHAR(1024),
    error        VARCHAR(500),
    duration_ms  BIGINT       NOT NULL,
    node         VARCHAR(100) NOT NULL,
    CONSTRAINT webhook_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    INDEX webhook_attempt_of (delivery_id, attempted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Staff are told by mail when a receiver was disabled; the mail names it (about).
ALTER TABLE mail_outbox
    ADD COLUMN about VARCHAR(2000) NULL,
    DROP CONSTRAINT mail_outbox_kind,
    ADD CONSTRAINT mail_outbox_kind CHECK (kind IN ('WELCOME', 'REGISTRATION_REMINDER', 'WEBHOOK_DISABLED'));
