#!/usr/bin/env bash
# Dumps the licensing database into a gzipped SQL file while the server keeps running: one
# consistent snapshot (--single-transaction, every table is InnoDB), with routines, triggers and
# events. The connection is the server's own (LICENSING_DB_URL, LICENSING_DB_USER,
# LICENSING_DB_PASSWORD; see scripts/mariadb-client.sh for defaults and MARIADB_BIN).
#
#   scripts/backup.sh [file]     (default: licensing-<UTC time>.sql.gz in the current folder)
set -euo pipefail
source "$(dirname "$0")/mariadb-client.sh"

backup="${1:-licensing-$(date -u +%Y%m%dT%H%M%SZ).sql.gz}"
partial="$backup.partial"

mariadb_dump --single-transaction --quick --routines --triggers --events --hex-blob --no-tablespaces \
    "$db_name" | gzip > "$partial"
mv "$partial" "$backup"
echo "Backed up $db_name on $db_host:$db_port to $backup"
