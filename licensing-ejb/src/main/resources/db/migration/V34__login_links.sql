-- One-time links that log a customer in to the portal from a mail. Only the SHA-256 digest of a link's
-- token is kept, so neither a dump of the database nor a look at this table lets anyone log in. A link is
-- spent by setting used_at where it is still NULL and the link not expired: two uses racing with one link
-- cannot both log in.
CREATE TABLE login_link (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_digest CHAR(64)     NOT NULL,
    email        VARCHAR(254) NOT NULL,
    created_at   DATETIME     NOT NULL,
    expires_at   DATETIME     NOT NULL,
    used_at      DATETIME     NULL,
    UNIQUE KEY login_link_token (token_digest),
    INDEX login_link_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
