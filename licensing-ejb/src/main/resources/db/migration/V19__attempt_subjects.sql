-- Every counted attempt first writes its subject's row here, and only then reads the subject's
-- attempts of the window: the attempts of one subject are decided one after the other, by the row
-- lock on one server and by the write conflict between members of a Galera cluster.
CREATE TABLE attempt_subject (
    bucket       VARCHAR(32) NOT NULL,
    subject      VARCHAR(64) NOT NULL,
    attempts     BIGINT      NOT NULL,
    last_attempt DATETIME    NOT NULL,
    PRIMARY KEY (bucket, subject),
    INDEX attempt_subject_last (last_attempt)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- Staff logins are counted in attempt_counter like every other limit.
DROP TABLE staff_login_failure;
