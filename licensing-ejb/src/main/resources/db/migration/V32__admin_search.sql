-- The admin area's one search box. Every kind of text it looks for has an index it can use, so that a
-- search costs index range scans, never a pass over a table, with a million registrations:
--
-- * registration numbers and coupon codes (PREFIX-XXXXX-XXXXX-XXXXX-XXXXX) by a part typed from the start
--   of any of their four groups: the symbols without dashes from the first, second and third group on,
--   as indexed virtual columns (the fourth group's own start is the last five of the third's);
-- * company and email by the beginnings of their words ("ромашк" finds "ООО Ромашка", "romashka" finds
--   "info@romashka.ru"): a FULLTEXT index over both, searched in boolean mode with word prefixes;
-- * the start of a whole company name or email: the B-tree indexes registration_company (V8) and
--   registration_email (V1);
-- * host ids, host names and IP addresses by their start: host_binding_host (V1), host_binding_host_name
--   and host_binding_ip (V9);
-- * installation ids by their start: the primary key of licensev2_installation.

ALTER TABLE registration
    ADD COLUMN number_from_group1 VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin
        AS (RIGHT(REPLACE(number, '-', ''), 20)) VIRTUAL,
    ADD COLUMN number_from_group2 VARCHAR(15) CHARACTER SET ascii COLLATE ascii_bin
        AS (RIGHT(REPLACE(number, '-', ''), 15)) VIRTUAL,
    ADD COLUMN number_from_group3 VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin
        AS (RIGHT(REPLACE(number, '-', ''), 10)) VIRTUAL,
    ADD INDEX registration_number_group1 (number_from_group1),
    ADD INDEX registration_number_group2 (number_from_group2),
    ADD INDEX registration_number_group3 (number_from_group3);

ALTER TABLE registration ADD FULLTEXT INDEX registration_words (company, email);

ALTER TABLE coupon
    ADD COLUMN code_from_group1 VARCHAR(20) AS (RIGHT(REPLACE(code, '-', ''), 20)) VIRTUAL,
    ADD COLUMN code_from_group2 VARCHAR(15) AS (RIGHT(REPLACE(code, '-', ''), 15)) VIRTUAL,
    ADD COLUMN code_from_group3 VARCHAR(10) AS (RIGHT(REPLACE(code, '-', ''), 10)) VIRTUAL,
    ADD INDEX coupon_code_group1 (code_from_group1),
    ADD INDEX coupon_code_group2 (code_from_group2),
    ADD INDEX coupon_code_group3 (code_from_group3);

-- The audit log's filters by a coupon (its subject) and by a member of staff (the actor), newest first.
CREATE INDEX audit_event_subject ON audit_event (subject, occurred_at);
CREATE INDEX audit_event_actor ON audit_event (actor, occurred_at);
