#!/usr/bin/env bash
# The README's run command, as a newcomer uses it: started on an empty data folder, it answers a
# registration, an activation and a check, its embedded database listens on loopback only and opens
# only with the password it generated, and the signing key is stored encrypted; stopped, the build
# cleaned (mvn clean) and the password file removed (as in a data folder of a build before the
# generated password), it starts again over the same data and still knows the host. Its own ports and
# data folder, removed at the end, so that it runs beside a developer's server and data/.
#   check-run-command.sh      (from any directory; CI runs it after the test suite; RUN_CHECK_PORT_OFFSET
#                             and RUN_CHECK_DATABASE_PORT move it off ports 8680 and 3366)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port_offset="${RUN_CHECK_PORT_OFFSET:-600}"
database_port="${RUN_CHECK_DATABASE_PORT:-3366}"
api="http://localhost:$((8080 + port_offset))/licensing/api/v1"
data="$root/.run-command-check"
logs="$root/target/run-command-check"
server=""

fail() {
    echo "check-run-command: $*" >&2
    [ -n "$server" ] && tail -n 40 "$logs/server.log" >&2
    exit 1
}

start() {
    local log="$logs/server.log"
    : > "$log"
    ! curl -sf "$api/ping" > /dev/null || fail "another server already answers at $api"
    (cd "$root" && exec setsid mvn -B -ntp -Prun -DskipTests package -pl licensing-ear -am \
        -Dlicensing.port-offset="$port_offset" -Dlicensing.embedded-db.port="$database_port" \
        -Dlicensing.data.dir="$data" >> "$log" 2>&1) &
    server=$!
    for _ in $(seq 1 180); do
        curl -sf "$api/ping" > /dev/null && return 0
        kill -0 "$server" 2> /dev/null || fail "the run command ended before the server answered"
        sleep 5
    done
    fail "no answer from $api/ping after 15 minutes"
}

# As Ctrl-C does, to the whole process group of the command: Maven, the server and the database. A
# TERM, since a script's background commands ignore INT.
stop() {
    [ -z "$server" ] && return 0
    kill -TERM -- "-$server" 2> /dev/null || true
    wait "$server" 2> /dev/null || true
    for _ in $(seq 1 60); do
        curl -sf "$api/ping" > /dev/null || break
        sleep 1
    done
    server=""
}

cleanup() {
    stop
    rm -rf "$data"
}
trap cleanup EXIT

# shellcheck source=lib/api-post.sh
source "$root/scripts/lib/api-post.sh"

# sql STATEMENT: its result, through scripts/mariadb.sh with the generated password.
sql() {
    LICENSING_DB_URL="jdbc:mariadb://127.0.0.1:$database_port/licensing" LICENSING_DATA_DIR="$data" \
        MARIADB_BIN="$root/licensing-ear/target/mariadb-base/bin" "$root/scripts/mariadb.sh" -N -B -e "$1"
}

owner_only() {
    [ "$(stat -c %a "$1")" = 600 ] || fail "$1 is readable by others: $(stat -c %A "$1")"
}

rm -rf "$data"
mkdir -p "$logs" "$data"
echo "Starting the run command on an empty data folder"
start
registration=$(post /registrations \
    '{"company":"Run Check","contactPerson":"Newcomer","email":"run-check@example.com","consent":true}' 201)
number=$(sed -n 's/.*"registrationNumber":"\([^"]*\)".*/\1/p' <<< "$registration")
[ -n "$number" ] || fail "no registration number in $registration"
post /activations "{\"registrationNumber\":\"$number\",\"host\":{\"id\":\"run-check-host-1\"}}" 200 > /dev/null
post /checks "{\"registrationNumber\":\"$number\",\"hostId\":\"run-check-host-1\"}" 200 > /dev/null
owner_only "$data/database-password"
owner_only "$data/secrets.key"
listening=$(ss -Hltn "sport = :$database_port" | awk '{print $4}')
[ -n "$listening" ] || fail "nothing listens on the embedded database's port $database_port"
grep -qv '^127\.0\.0\.1:' <<< "$listening" && fail "the embedded database listens beyond loopback: $listening"
[ "$(sql "SELECT COUNT(*) FROM registration")" = 1 ] || fail "the generated password does not open the database"
(LICENSING_DB_PASSWORD=licensing sql "SELECT 1" > /dev/null 2>&1) && fail "the database opens with the password 'licensing'"
[ "$(sql "SELECT COUNT(*) FROM signing_key WHERE private_key NOT LIKE 'v1.%'")" = 0 ] \
    || fail "a signing key is stored in plain text"
stop

echo "Cleaning the build (mvn clean), keeping the data folder"
(cd "$root" && mvn -B -ntp -q clean > /dev/null 2>&1) || fail "mvn clean failed"
[ -d "$data/mariadb" ] || fail "the data folder is gone after the stop and mvn clean"
rm "$data/database-password"

echo "Starting the run command again over the same data"
mkdir -p "$logs"
start
check=$(post /checks "{\"registrationNumber\":\"$number\",\"hostId\":\"run-check-host-1\"}" 200)
grep -Eq '"status" *: *"TRIAL"' <<< "$check" || fail "the host lost its trial over the restart: $check"
owner_only "$data/database-password"
echo "check-run-command: the run command started, kept its data over a clean build and restarted"
