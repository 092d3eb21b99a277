#!/usr/bin/env bash
# The MariaDB client on the licensing database, as the server reaches it (LICENSING_DB_URL,
# LICENSING_DB_USER, LICENSING_DB_PASSWORD; unset: the run command's embedded database and its
# generated password, see scripts/mariadb-client.sh). Arguments go to the client.
#
#   scripts/mariadb.sh                                   an interactive session
#   scripts/mariadb.sh -e 'SELECT COUNT(*) FROM registration'
set -euo pipefail
source "$(dirname "$0")/mariadb-client.sh"
mariadb_client "$@" "$db_name"
