-- Polls (checks of both protocols) per hour for the dashboard. Each node counts its polls in memory
-- and adds them here once a minute with one upsert, so a poll itself writes nothing more.
CREATE TABLE poll_hour (
    hour_start DATETIME NOT NULL PRIMARY KEY,
    polls      BIGINT   NOT NULL,
    CONSTRAINT poll_hour_polls CHECK (polls >= 0)
) ENGINE = InnoDB;

-- The dashboard's per-day series read the last 30 or 90 days of these by their creation time.
CREATE INDEX license_created ON license (created_at);
CREATE INDEX registration_trial_created ON registration_trial (created_at);
