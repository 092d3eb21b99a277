-- Customers' resets of host bindings that counted against the license's reset quota (rolling 30 days).
CREATE TABLE license_reset (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    license_id BIGINT       NOT NULL,
    host_id    VARCHAR(128) NOT NULL,
    reset_at   DATETIME(6)  NOT NULL,
    CONSTRAINT license_reset_license FOREIGN KEY (license_id) REFERENCES license (id),
    INDEX license_reset_window (license_id, reset_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Extra resets granted by staff; each is spent by one reset that the quota alone would refuse.
CREATE TABLE reset_grant (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    license_id    BIGINT       NOT NULL,
    granted_at    DATETIME(6)  NOT NULL,
    granted_by    VARCHAR(64)  NOT NULL,
    reason        VARCHAR(200) NOT NULL,
    spent_at      DATETIME(6),
    spent_on_host VARCHAR(128),
    CONSTRAINT reset_grant_license FOREIGN KEY (license_id) REFERENCES license (id),
    INDEX reset_grant_unspent (license_id, spent_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
