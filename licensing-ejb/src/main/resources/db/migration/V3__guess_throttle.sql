-- Failed look-ups of registration numbers and coupons per client and minute, shared by every node.
CREATE TABLE failed_lookup (
    client   VARCHAR(64) NOT NULL,
    minute   DATETIME    NOT NULL,
    failures INT         NOT NULL,
    PRIMARY KEY (client, minute),
    INDEX failed_lookup_minute (minute)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
