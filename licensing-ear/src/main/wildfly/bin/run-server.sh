#!/usr/bin/env bash
# Runs the provisioned server in the foreground of the run command and stops it when Maven, its
# parent, goes away — by Ctrl-C, a kill or a closed terminal — so that no server is left behind.
set -u
server_home="$1"
maven=$PPID

LAUNCH_JBOSS_IN_BACKGROUND=1 "$server_home/bin/standalone.sh" &
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
