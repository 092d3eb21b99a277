-- Coupons come in batches: an order of the online store (reference = its orderId, one coupon per
-- item) or a batch minted by staff (count coupons of one kind). A coupon is activated at most once.

CREATE TABLE coupon_batch (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    origin          VARCHAR(16)  NOT NULL,
    reference       VARCHAR(100) NOT NULL,
    email           VARCHAR(254),
    note            VARCHAR(500),
    -- What each coupon of a staff batch grants; an order's coupons differ per item.
    feature_number  INT,
    seats           INT,
    term_months     INT,
    requested_count INT          NOT NULL,
    minted_count    INT          NOT NULL DEFAULT 0,
    created_by      VARCHAR(100),
    created_at      DATETIME(6)  NOT NULL,
    completed_at    DATETIME(6),
    CONSTRAINT coupon_batch_origin CHECK (origin IN ('ORDER', 'STAFF')),
    CONSTRAINT coupon_batch_reference UNIQUE (origin, reference)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE coupon (
    id                        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code                      VARCHAR(40) NOT NULL,
    batch_id                  BIGINT      NOT NULL,
    position                  INT         NOT NULL,
    feature_number            INT         NOT NULL,
    seats                     INT         NOT NULL,
    term_months               INT,
    state                     VARCHAR(16) NOT NULL,
    created_at                DATETIME(6) NOT NULL,
    activated_registration_id BIGINT,
    activated_at              DATETIME(6),
    activated_client          VARCHAR(45),
    license_id                BIGINT,
    revoked_at                DATETIME(6),
    revoked_by                VARCHAR(100),
    revoke_reason             VARCHAR(255),
    CONSTRAINT coupon_code UNIQUE (code),
    CONSTRAINT coupon_batch_position UNIQUE (batch_id, position),
    CONSTRAINT coupon_batch FOREIGN KEY (batch_id) REFERENCES coupon_batch (id),
    CONSTRAINT coupon_feature FOREIGN KEY (feature_number) REFERENCES feature (number),
    CONSTRAINT coupon_registration FOREIGN KEY (activated_registration_id) REFERENCES registration (id),
    CONSTRAINT coupon_license FOREIGN KEY (license_id) REFERENCES license (id),
    CONSTRAINT coupon_state CHECK (state IN ('ISSUED', 'ACTIVATED', 'REVOKED')),
    CONSTRAINT coupon_seats CHECK (seats > 0),
    CONSTRAINT coupon_term CHECK (term_months IS NULL OR term_months > 0),
    INDEX coupon_state_batch (state, batch_id),
    INDEX coupon_registration (activated_registration_id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
