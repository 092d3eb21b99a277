-- Every claim on a registration (seat, trial, session) writes this counter while it holds the row's
-- lock, so that on a Galera cluster two members claiming at once conflict at certification.
ALTER TABLE registration ADD COLUMN claim_count BIGINT NOT NULL DEFAULT 0;
