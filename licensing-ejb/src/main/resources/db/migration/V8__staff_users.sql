-- Staff of the vendor who log in to the admin area. The password is stored as a PBKDF2 hash with
-- its own salt and iteration count, so the count can be raised later without breaking old hashes.
CREATE TABLE staff_user (
    user_name     VARCHAR(64)  NOT NULL PRIMARY KEY,
    role          VARCHAR(16)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT staff_user_role CHECK (role IN ('ADMIN', 'SUPPORT', 'VIEWER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Failed staff logins per user name, client address and minute, so that every node sees them.
CREATE TABLE staff_login_failure (
    user_name VARCHAR(64) NOT NULL,
    client    VARCHAR(45) NOT NULL,
    minute    DATETIME    NOT NULL,
    failures  INT         NOT NULL,
    PRIMARY KEY (user_name, client, minute),
    INDEX staff_login_failure_minute (minute)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX registration_company ON registration (company);
CREATE INDEX registration_created ON registration (created_at);
CREATE INDEX host_binding_bound ON host_binding (bound_at);
CREATE INDEX audit_event_action ON audit_event (action, occurred_at);
