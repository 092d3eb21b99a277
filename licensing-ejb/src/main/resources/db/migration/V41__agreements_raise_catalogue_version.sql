-- Publishing, changing or removing an agreement version raises the catalogue's version, like a change
-- of a feature (V17), whoever writes it: a node, another node or an operator's SQL. A node keeps the
-- published agreements only as long as the version it reads with every check is the one they were
-- read at, so a new agreement is required by the very next check.

CREATE TRIGGER eula_version_inserted AFTER INSERT ON eula_version FOR EACH ROW
    UPDATE catalogue_state SET version = version + 1 WHERE id = 1;

CREATE TRIGGER eula_version_updated AFTER UPDATE ON eula_version FOR EACH ROW
    UPDATE catalogue_state SET version = version + 1 WHERE id = 1;

CREATE TRIGGER eula_version_deleted AFTER DELETE ON eula_version FOR EACH ROW
    UPDATE catalogue_state SET version = version + 1 WHERE id = 1;
