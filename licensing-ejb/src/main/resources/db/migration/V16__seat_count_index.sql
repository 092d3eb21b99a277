-- Seats taken are counted on every activation and check: the bound (unreleased) bindings of a license.
-- With released_at in the index a license with a thousand past bindings is counted from the index alone.
CREATE INDEX host_binding_license_bound ON host_binding (license_id, released_at);
