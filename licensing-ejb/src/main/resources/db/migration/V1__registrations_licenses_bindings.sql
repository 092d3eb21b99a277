-- Times are UTC, stored as DATETIME(6). Rows are never deleted where history matters: bindings
-- are released, licenses revoked.

CREATE TABLE feature (
    number        INT          NOT NULL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    counting_mode VARCHAR(16)  NOT NULL,
    trial_days    INT          NOT NULL DEFAULT 30,
    trial_seats   INT          NOT NULL DEFAULT 1,
    CONSTRAINT feature_counting_mode CHECK (counting_mode IN ('PER_HOST', 'PER_SESSION')),
    CONSTRAINT feature_trial_days CHECK (trial_days > 0),
    CONSTRAINT feature_trial_seats CHECK (trial_seats > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO feature (number, name, counting_mode, trial_days, trial_seats) VALUES
    (31, 'Call log', 'PER_HOST', 30, 1),
    (32, 'Smart routing', 'PER_HOST', 30, 1),
    (33, 'Askozia PBX', 'PER_HOST', 30, 1),
    (34, 'Askozia CFE', 'PER_HOST', 30, 1),
    (46, 'CRM telephony panel (sessions)', 'PER_SESSION', 30, 1),
    (47, 'CRM telephony panel, extended (sessions)', 'PER_SESSION', 30, 1);

CREATE TABLE registration (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    number         VARCHAR(40)  NOT NULL,
    company        VARCHAR(200) NOT NULL,
    contact_person VARCHAR(200) NOT NULL,
    email          VARCHAR(254) NOT NULL,
    phone          VARCHAR(40),
    tax_id         VARCHAR(40),
    country        VARCHAR(100),
    city           VARCHAR(100),
    language       VARCHAR(8)   NOT NULL,
    consent_at     DATETIME(6)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    CONSTRAINT registration_number UNIQUE (number),
    INDEX registration_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The company an email belongs to: the first registration claims it, atomically.
CREATE TABLE email_owner (
    email       VARCHAR(254) NOT NULL PRIMARY KEY,
    company_key VARCHAR(200) NOT NULL,
    created_at  DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE license (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    registration_id BIGINT      NOT NULL,
    feature_number  INT         NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    seats           INT         NOT NULL,
    starts_at       DATETIME(6) NOT NULL,
    ends_at         DATETIME(6),
    source          VARCHAR(16) NOT NULL,
    source_ref      VARCHAR(100),
    revoked_at      DATETIME(6),
    created_at      DATETIME(6) NOT NULL,
    CONSTRAINT license_registration FOREIGN KEY (registration_id) REFERENCES registration (id),
    CONSTRAINT license_feature FOREIGN KEY (feature_number) REFERENCES feature (number),
    CONSTRAINT license_kind CHECK (kind IN ('TRIAL', 'PERPETUAL', 'TERM')),
    CONSTRAINT license_seats CHECK (seats > 0),
    INDEX license_registration_feature (registration_id, feature_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One trial per registration and feature, ever.
CREATE TABLE registration_trial (
    registration_id BIGINT      NOT NULL,
    feature_number  INT         NOT NULL,
    license_id      BIGINT      NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (registration_id, feature_number),
    CONSTRAINT registration_trial_license FOREIGN KEY (license_id) REFERENCES license (id)
) ENGINE = InnoDB;

-- One trial per host and feature, ever, whatever the registration.
CREATE TABLE host_trial (
    host_id         VARCHAR(128) NOT NULL,
    feature_number  INT          NOT NULL,
    registration_id BIGINT       NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (host_id, feature_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE host_binding (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    license_id      BIGINT       NOT NULL,
    registration_id BIGINT       NOT NULL,
    feature_number  INT          NOT NULL,
    host_id         VARCHAR(128) NOT NULL,
    host_name       VARCHAR(255),
    os              VARCHAR(255),
    product_version VARCHAR(64),
    ip              VARCHAR(45),
    bound_at        DATETIME(6)  NOT NULL,
    last_seen_at    DATETIME(6)  NOT NULL,
    released_at     DATETIME(6),
    released_by     VARCHAR(16),
    release_reason  VARCHAR(255),
    -- NULL once released, so that the unique key below allows one active binding per license and host.
    active_host_id  VARCHAR(128) AS (IF(released_at IS NULL, host_id, NULL)) PERSISTENT,
    CONSTRAINT host_binding_license FOREIGN KEY (license_id) REFERENCES license (id),
    CONSTRAINT host_binding_active UNIQUE (license_id, active_host_id),
    INDEX host_binding_registration_host (registration_id, host_id),
    INDEX host_binding_host (host_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE audit_event (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at     DATETIME(6)  NOT NULL,
    actor_type      VARCHAR(16)  NOT NULL,
    actor           VARCHAR(100),
    action          VARCHAR(64)  NOT NULL,
    registration_id BIGINT,
    subject         VARCHAR(255),
    details         VARCHAR(2000),
    client_address  VARCHAR(45),
    INDEX audit_event_time (occurred_at),
    INDEX audit_event_registration (registration_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Answers kept for retried writes (Idempotency-Key), one row per scope and key.
CREATE TABLE idempotency_record (
    scope         VARCHAR(64)  NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    response_code INT,
    response_body MEDIUMTEXT,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (scope, idem_key),
    INDEX idempotency_record_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
