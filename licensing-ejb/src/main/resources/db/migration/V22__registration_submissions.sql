-- The portal's registration form, claimed per email and company: a submission writes the row of the
-- digest of its normalised email and company key (INSERT … ON DUPLICATE KEY UPDATE) before it mints
-- anything, so two identical forms decide one after the other, and the second finds the first's
-- registration instead of minting another within a day.
CREATE TABLE registration_submission (
    submission_key  CHAR(64)  NOT NULL,
    registration_id BIGINT    NULL,
    registered_at   DATETIME  NULL,
    submissions     BIGINT    NOT NULL,
    last_submitted  DATETIME  NOT NULL,
    PRIMARY KEY (submission_key),
    CONSTRAINT registration_submission_registration FOREIGN KEY (registration_id) REFERENCES registration (id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
