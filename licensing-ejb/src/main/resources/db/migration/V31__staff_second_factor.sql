-- A second factor for staff logins (TOTP, RFC 6238). The secret is sealed with the secrets key like the
-- signing keys, so a dump of the database alone cannot make codes. The last accepted step is kept so that
-- a code is accepted once: the login moves it forward with a conditional update.
ALTER TABLE staff_user
    ADD COLUMN totp_secret    VARCHAR(255) NULL,
    ADD COLUMN totp_enabled   BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN totp_last_step BIGINT       NOT NULL DEFAULT 0;

-- One-time recovery codes, stored as SHA-256 digests; a login spends one by setting used_at where it is
-- still NULL, so two logins racing with one code cannot both get in.
CREATE TABLE staff_recovery_code (
    user_name VARCHAR(64) NOT NULL,
    code_hash CHAR(64)    NOT NULL,
    used_at   DATETIME(6) NULL,
    PRIMARY KEY (user_name, code_hash),
    CONSTRAINT staff_recovery_code_user FOREIGN KEY (user_name) REFERENCES staff_user (user_name) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
