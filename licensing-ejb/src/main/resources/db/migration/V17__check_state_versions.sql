-- What a check reads of a registration (its licenses, its bindings, its agreement acceptances) has a
-- version, and the feature catalogue has one: these triggers raise them in the transaction of every
-- change, whoever writes it (any node, a bulk statement, an operator's SQL). A node keeps what a check
-- read for a host with the versions read before it, and answers the next check from memory while a
-- single primary-key read finds both versions unchanged.
-- A binding's last sighting is not part of what a check answers: writing it raises nothing.
-- The versions live in tables of their own, not in registration, so that a statement may still read
-- registration while it writes licenses or bindings (a trigger may not write a table its statement reads).

CREATE TABLE registration_state (
    registration_id BIGINT NOT NULL PRIMARY KEY,
    version         BIGINT NOT NULL
) ENGINE = InnoDB;

CREATE TABLE catalogue_state (
    id      TINYINT NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL,
    CONSTRAINT catalogue_state_single_row CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO catalogue_state (id, version) VALUES (1, 0);

CREATE TRIGGER license_inserted AFTER INSERT ON license FOR EACH ROW
    INSERT INTO registration_state (registration_id, version) VALUES (NEW.registration_id, 1)
        ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER license_updated AFTER UPDATE ON license FOR EACH ROW
    INSERT INTO registration_state (registration_id, version)
        VALUES (OLD.registration_id, 1), (NEW.registration_id, 1)
        ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER license_deleted AFTER DELETE ON license FOR EACH ROW
    INSERT INTO registration_state (registration_id, version) VALUES (OLD.registration_id, 1)
        ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER host_binding_inserted AFTER INSERT ON host_binding FOR EACH ROW
    INSERT INTO registration_state (registration_id, version) VALUES (NEW.registration_id, 1)
        ON DUPLICATE KEY UPDATE version = version + 1;

DELIMITER $$
CREATE TRIGGER host_binding_updated AFTER UPDATE ON host_binding FOR EACH ROW
BEGIN
    IF NOT (OLD.license_id <=> NEW.license_id
            AND OLD.registration_id <=> NEW.registration_id
            AND OLD.feature_number <=> NEW.feature_number
            AND OLD.host_id <=> NEW.host_id
            AND OLD.host_name <=> NEW.host_name
            AND OLD.os <=> NEW.os
            AND OLD.product_version <=> NEW.product_version
            AND OLD.ip <=> NEW.ip
            AND OLD.bound_at <=> NEW.bound_at
            AND OLD.released_at <=> NEW.released_at
            AND OLD.released_by <=> NEW.released_by
            AND OLD.release_reason <=> NEW.release_reason) THEN
        INSERT INTO registration_state (registration_id, version)
            VALUES (OLD.registration_id, 1), (NEW.registration_id, 1)
            ON DUPLICATE KEY UPDATE version = version + 1;
    END IF;
END$$
DELIMITER ;

CREATE TRIGGER host_binding_deleted AFTER DELETE ON host_binding FOR EACH ROW
    INSERT INTO registration_state (registration_id, version) VALUES (OLD.registration_id, 1)
        ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER eula_acceptance_inserted AFTER INSERT ON eula_acceptance FOR EACH ROW
    INSERT INTO registration_state (registration_id, version) VALUES (NEW.registration_id, 1)
        ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER eula_acceptance_updated AFTER UPDATE ON eula_acceptance FOR EACH ROW
    INSERT INTO registration_state (registration_id, version)
        VALUES (OLD.registration_id, 1), (NEW.registration_id, 1)
        ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER eula_acceptance_deleted AFTER DELETE ON eula_acceptance FOR EACH ROW
    INSERT INTO registration_state (registration_id, version) VALUES (OLD.registration_id, 1)
        ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER feature_inserted AFTER INSERT ON feature FOR EACH ROW
    UPDATE catalogue_state SET version = version + 1 WHERE id = 1;

CREATE TRIGGER feature_updated AFTER UPDATE ON feature FOR EACH ROW
    UPDATE catalogue_state SET version = version + 1 WHERE id = 1;

CREATE TRIGGER feature_deleted AFTER DELETE ON feature FOR EACH ROW
    UPDATE catalogue_state SET version = version + 1 WHERE id = 1;
