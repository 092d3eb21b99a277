-- Reminders before a trial or term license ends and notices when it has ended: one row per license and
-- notice, claimed with INSERT IGNORE by the node that sends it, so that each is sent once, whatever the
-- number of nodes, sweeps or restarts. Sweeps look licenses up by their end (license_end).

CREATE TABLE license_expiry_notice (
    license_id BIGINT      NOT NULL,
    notice     VARCHAR(16) NOT NULL,
    noticed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (license_id, notice),
    CONSTRAINT license_expiry_notice_license FOREIGN KEY (license_id) REFERENCES license (id),
    CONSTRAINT license_expiry_notice_kind CHECK (notice IN ('REMINDER', 'END'))
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

CREATE INDEX license_end ON license (ends_at);

-- Mails that tell of one license or one binding name it, so that their text is composed when sent.
ALTER TABLE mail_outbox
    ADD COLUMN license_id BIGINT NULL AFTER registration_id,
    ADD COLUMN binding_id BIGINT NULL AFTER license_id,
    ADD CONSTRAINT mail_outbox_license FOREIGN KEY (license_id) REFERENCES license (id),
    ADD CONSTRAINT mail_outbox_binding FOREIGN KEY (binding_id) REFERENCES host_binding (id);

ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind;

ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind CHECK (kind IN ('WELCOME', 'REGISTRATION_REMINDER',
    'LICENSE_EXPIRING', 'LICENSE_EXPIRED', 'SILENT_HOST_RELEASED'));
