#!/usr/bin/env bash
# Runs the provisioned server in the foreground of the run command, after the embedded MariaDB unless
# LICENSING_DB_URL names a database, and stops both when Maven, its parent, goes away — by Ctrl-C, a
# kill or a closed terminal — so that nothing is left behind.
# Arguments: server home, port offset, data folder, whether the embedded database is skipped, its
# port, the folder of the MariaDB binaries, the scripts folder of the checkout.
set -u
server_home="$1"
port_offset="${2:-0}"
data_dir="$3"
embedded_db=true
[ "$4" = true ] && embedded_db=false
embedded_db_port="$5"
mariadb_home="$6"
scripts="$7"
maven=$PPID

mkdir -p "$data_dir"
if [ "$embedded_db" = true ]; then
    LICENSING_DB_URL="$("$scripts/embedded-db.sh" start "$data_dir" "$embedded_db_port" "$mariadb_home" $$)" || exit 1
    export LICENSING_DB_URL LICENSING_DB_USER=licensing
    LICENSING_DB_PASSWORD="$(cat "$data_dir/database-password")"
    export LICENSING_DB_PASSWORD
fi
# The key that encrypts the secrets the database keeps (the signing key): beside the data, never in it.
if [ -z "${LICENSING_SECRETS_KEY_FILE:-}" ]; then
    LICENSING_SECRETS_KEY_FILE="$("$scripts/secrets-key.sh" "$data_dir/secrets.key")" || exit 1
    export LICENSING_SECRETS_KEY_FILE
fi

LAUNCH_JBOSS_IN_BACKGROUND=1 "$server_home/bin/standalone.sh" -Djboss.socket.binding.port-offset="$port_offset" &
server=$!

stop() {
    kill -TERM "$server" 2>/dev/null
    wait "$server"
    if [ "$embedded_db" = true ]; then
        "$scripts/embedded-db.sh" stop "$data_dir"
    fi
    exit 0
}
trap stop INT TERM HUP

while kill -0 "$server" 2>/dev/null; do
    kill -0 "$maven" 2>/dev/null || stop
    sleep 1
done
wait "$server"
status=$?
if [ "$embedded_db" = true ]; then
    "$scripts/embedded-db.sh" stop "$data_dir"
fi
exit $status
