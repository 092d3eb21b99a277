-- Attempts per bucket (what is counted), subject (a client address, a digest of an email) and minute.
CREATE TABLE attempt_counter (
    bucket   VARCHAR(32) NOT NULL,
    subject  VARCHAR(64) NOT NULL,
    minute   DATETIME    NOT NULL,
    attempts INT         NOT NULL,
    PRIMARY KEY (bucket, subject, minute),
    INDEX attempt_counter_minute (minute)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

INSERT INTO attempt_counter (bucket, subject, minute, attempts)
SELECT 'failed-lookup', client, minute, failures FROM failed_lookup;

DROP TABLE failed_lookup;
