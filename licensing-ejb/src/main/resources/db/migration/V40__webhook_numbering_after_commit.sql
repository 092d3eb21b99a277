-- A webhook event is numbered after its change committed, by the sender, not in the request that
-- made the change: before, every registration, activation and reset of every customer updated the
-- endpoint's counter row, so all of them waited for each other on one row (and conflicted across
-- Galera members). The counter moves to a table of its own, which no request's transaction touches
-- and no other table refers to; a delivery has no number until it is numbered.

CREATE TABLE webhook_sequence (
    endpoint_id   BIGINT NOT NULL PRIMARY KEY,
    last_sequence BIGINT NOT NULL
) ENGINE = InnoDB;

INSERT INTO webhook_sequence (endpoint_id, last_sequence) SELECT id, last_sequence FROM webhook_endpoint;

ALTER TABLE webhook_endpoint DROP COLUMN last_sequence;

ALTER TABLE webhook_delivery MODIFY sequence BIGINT NULL;
