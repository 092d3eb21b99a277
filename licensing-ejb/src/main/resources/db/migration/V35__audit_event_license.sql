-- The audit trail names the license an event concerns, so that a license's history is one indexed
-- look-up instead of a search through texts. Earlier events named it only in their subject or details
-- ("license 42", "license 42 (TRIAL)", "license 42: PERPETUAL"); those names are read once here.
ALTER TABLE audit_event ADD COLUMN license_id BIGINT NULL;

UPDATE audit_event
SET license_id = CAST(REGEXP_SUBSTR(REGEXP_SUBSTR(CONCAT_WS(' ', subject, details), 'license [0-9]+'), '[0-9]+')
                      AS UNSIGNED)
WHERE registration_id IS NOT NULL
  AND CONCAT_WS(' ', subject, details) REGEXP 'license [0-9]+';

CREATE INDEX audit_event_license ON audit_event (license_id, occurred_at);
