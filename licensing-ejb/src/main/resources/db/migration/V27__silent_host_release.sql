-- A feature may release the bindings of hosts that sent no check or poll for some days (null: never).
-- Less than a week is refused here as well as by the application: a PBX switched off over a long
-- holiday keeps its seat.
ALTER TABLE feature
    ADD COLUMN release_silent_after_days INT NULL,
    ADD CONSTRAINT feature_release_silent_after_days
        CHECK (release_silent_after_days IS NULL OR release_silent_after_days BETWEEN 7 AND 3650);

-- The daily sweep finds a feature's unreleased bindings by their last sighting, oldest first.
CREATE INDEX host_binding_silent ON host_binding (feature_number, released_at, last_seen_at);
