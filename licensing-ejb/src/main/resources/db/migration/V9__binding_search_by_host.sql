-- Staff find bindings by the start of a host name or an IP address as well as a host id
-- (host_binding_host); each column has its own index, so a search is three range scans.
CREATE INDEX host_binding_host_name ON host_binding (host_name);
CREATE INDEX host_binding_ip ON host_binding (ip);
