#!/usr/bin/env bash
# Runs the provisioned server in the foreground of the run command and stops it when Maven, its
# parent, goes away — by Ctrl-C, a kill or a closed terminal — so that no server is left behind.
# Arguments: server home, port offset, port of the embedded database, whether that database is skipped.
set -u
server_home="$1"
port_offset="${2:-0}"
embedded_db_port="${3:-3316}"
embedded_db_skipped="${4:-false}"
maven=$PPID

if [ "$embedded_db_skipped" != "true" ]; then
    # The embedded database may run on another port than the datasource's default.
    export LICENSING_DB_URL="jdbc:mariadb://localhost:${embedded_db_port}/licensing?createDatabaseIfNotExist=true"
fi

LAUNCH_JBOSS_IN_BACKGROUND=1 "$server_home/bin/standalone.sh" -Djboss.socket.binding.port-offset="$port_offset" &
server=$!

stop() {
    kill -TERM "$server" 2>/dev/null
    wait "$server"
    exit 0
}
trap stop INT TERM HUP

while kill -0 "$server" 2>/dev/null; do
    kill -0 "$maven" 2>/dev/null || stop
    sleep 1
done
wait "$server"
