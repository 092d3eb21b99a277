-- The seats taken of each license (its bound, unreleased bindings), kept by triggers in the transaction
-- of every binding change, whoever writes it (any node, a bulk statement, an operator's SQL).
-- Activations and checks read the number instead of counting the bindings: under concurrent
-- activations InnoDB had to visit the clustered row of every counted binding, so a license with a
-- thousand hosts cost a thousand row reads on every activation.
-- The numbers live in a table of their own, not in license, so that a statement may still read license
-- while it writes bindings (a trigger may not write a table its statement reads).

CREATE TABLE license_seats (
    license_id BIGINT NOT NULL PRIMARY KEY,
    taken      INT    NOT NULL,
    CONSTRAINT license_seats_license FOREIGN KEY (license_id) REFERENCES license (id) ON DELETE CASCADE
) ENGINE = InnoDB;

INSERT INTO license_seats (license_id, taken)
    SELECT license_id, COUNT(*) FROM host_binding WHERE released_at IS NULL GROUP BY license_id;

CREATE TRIGGER host_binding_seat_taken AFTER INSERT ON host_binding FOR EACH ROW
    INSERT INTO license_seats (license_id, taken) VALUES (NEW.license_id, IF(NEW.released_at IS NULL, 1, 0))
        ON DUPLICATE KEY UPDATE taken = taken + IF(NEW.released_at IS NULL, 1, 0);

DELIMITER $$
CREATE TRIGGER host_binding_seat_moved AFTER UPDATE ON host_binding FOR EACH ROW
BEGIN
    IF OLD.released_at IS NULL AND NOT (NEW.released_at IS NULL AND OLD.license_id <=> NEW.license_id) THEN
        UPDATE license_seats SET taken = taken - 1 WHERE license_id = OLD.license_id;
    END IF;
    IF NEW.released_at IS NULL AND NOT (OLD.released_at IS NULL AND OLD.license_id <=> NEW.license_id) THEN
        INSERT INTO license_seats (license_id, taken) VALUES (NEW.license_id, 1)
            ON DUPLICATE KEY UPDATE taken = taken + 1;
    END IF;
END$$
DELIMITER ;

CREATE TRIGGER host_binding_seat_freed AFTER DELETE ON host_binding FOR EACH ROW
    UPDATE license_seats SET taken = taken - IF(OLD.released_at IS NULL, 1, 0) WHERE license_id = OLD.license_id;
