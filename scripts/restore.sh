#!/usr/bin/env bash
# Restores a backup of backup.sh into an empty database (created if it does not exist and the user
# may), then the server can start on it. Refuses a database that has tables already. The connection
# is the server's own (LICENSING_DB_URL, LICENSING_DB_USER, LICENSING_DB_PASSWORD; see
# scripts/mariadb-client.sh for defaults and MARIADB_BIN).
#
#   scripts/restore.sh file.sql.gz
set -euo pipefail
source "$(dirname "$0")/mariadb-client.sh"

backup="${1:?usage: restore.sh backup.sql.gz}"
[ -r "$backup" ] || { echo "Cannot read $backup" >&2; exit 2; }

mariadb_client -e "CREATE DATABASE IF NOT EXISTS \`$db_name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" \
    2>/dev/null || true
tables="$(mariadb_client --batch --skip-column-names -e \
    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$db_name'")"
if [ "$tables" != "0" ]; then
    echo "Database $db_name on $db_host:$db_port has $tables table(s): restore only into an empty database" >&2
    exit 3
fi

case "$backup" in
    *.gz) gzip -dc "$backup" ;;
    *) cat "$backup" ;;
esac | mariadb_client --database="$db_name"
echo "Restored $backup into $db_name on $db_host:$db_port"
