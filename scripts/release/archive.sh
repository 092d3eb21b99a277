#!/usr/bin/env bash
# The release archive as an operator uses it: unpacked into a temporary folder, configured by an
# environment file of its own that points at an embedded MariaDB, started with bin/licensing-server,
# then the smoke test, a database backup with the archive's bin/backup.sh, and a clean stop. The
# systemd unit is checked with systemd-analyze where it exists. Nothing is left behind: the server,
# the database and the folder go, however the script ends.
#   scripts/release/archive.sh    (after mvn package, with the MariaDB binaries that mvn verify or
#                                  the run command unpacked into it-tests/ or licensing-ear/target;
#                                  RELEASE_CHECK_PORT_OFFSET and RELEASE_CHECK_DATABASE_PORT move it
#                                  off ports 8780 and 3377)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
port_offset="${RELEASE_CHECK_PORT_OFFSET:-700}"
database_port="${RELEASE_CHECK_DATABASE_PORT:-3377}"
base_url="http://localhost:$((8080 + port_offset))/licensing"
started=$SECONDS

stage="release archive"
# shellcheck source=stage.sh
. "$root/scripts/release/stage.sh"
archive="$(release_archive)"
mariadb_home="$(mariadb_binaries)"
nothing_answers_yet

work="$(mktemp -d "${TMPDIR:-/tmp}/licensing-release.XXXXXX")"
release=""
cleanup() {
    local status=$?
    if [ -n "$release" ] && [ -x "$release/bin/licensing-server" ]; then
        LICENSING_ENV_FILE="$work/licensing.env" "$release/bin/licensing-server" stop > /dev/null 2>&1 || true
    fi
    "$root/scripts/embedded-db.sh" stop "$work/database" || true
    if [ "$status" != 0 ] && [ -f "$release/wildfly/standalone/log/console.log" ]; then
        tail -n 40 "$release/wildfly/standalone/log/console.log" >&2
    fi
    rm -rf "$work"
    echo "release archive: $([ "$status" = 0 ] && echo passed || echo FAILED) in $((SECONDS - started)) s"
}
trap cleanup EXIT

echo "Unpacking $(basename "$archive") into $work"
tar -xzf "$archive" -C "$work"
release="$(echo "$work"/licensing-server-*)"
[ -x "$release/bin/licensing-server" ] || fail "no bin/licensing-server in the archive"
for file in etc/licensing.env etc/licensing-server.service cli/install-on-wildfly.cli licensing.ear \
        wildfly/standalone/deployments/licensing.ear modules/org/mariadb/jdbc/main/mariadb-java-client.jar \
        bin/backup.sh bin/restore.sh bin/mariadb.sh docs/deployment.md; do
    [ -e "$release/$file" ] || fail "the archive lacks $file"
done

if command -v systemd-analyze > /dev/null 2>&1; then
    # The unit as installed, but pointing at this folder (verify wants its programs to exist).
    unit="$work/licensing-server.service"
    sed -e "s|/opt/licensing-server|$release|g" -e "s|/etc/licensing-server/licensing.env|$work/licensing.env|g" \
        "$release/etc/licensing-server.service" > "$unit"
    touch "$work/licensing.env"
    systemd-analyze verify "$unit" || fail "systemd-analyze does not accept etc/licensing-server.service"
    echo "systemd-analyze verify accepts etc/licensing-server.service"
else
    echo "No systemd-analyze here: the unit is not verified"
fi

echo "Starting an embedded MariaDB on port $database_port"
database_url="$("$root/scripts/embedded-db.sh" start "$work/database" "$database_port" "$mariadb_home" $$)"

# The example file, with the database and the test's own port and memory.
{
    grep -v '^LICENSING_DB_' "$release/etc/licensing.env"
    echo "LICENSING_DB_URL=$database_url"
    echo "LICENSING_DB_USER=licensing"
    echo "LICENSING_DB_PASSWORD=$(cat "$work/database/database-password")"
    echo "LICENSING_PORT_OFFSET=$port_offset"
    echo "LICENSING_ADMIN_PASSWORD=release-check-admin"
    echo "LICENSING_JAVA_OPTS=\"-Xms256m -Xmx768m ${RELEASE_CHECK_JAVA_OPTS:--XX:TieredStopAtLevel=1}\""
    echo "MARIADB_BIN=$mariadb_home/bin"
} > "$work/licensing.env"
chmod 600 "$work/licensing.env"

echo "Starting bin/licensing-server"
LICENSING_ENV_FILE="$work/licensing.env" "$release/bin/licensing-server" start
LICENSING_ENV_FILE="$work/licensing.env" "$release/bin/licensing-server" status > /dev/null \
    || fail "bin/licensing-server status does not see the server"
[ -s "$release/etc/secrets.key" ] || fail "the first start made no etc/secrets.key"
[ "$(stat -c %a "$release/etc/secrets.key")" = 600 ] || fail "etc/secrets.key is readable by others"

"$root/scripts/release/smoke-test.sh" "$base_url"

LICENSING_ENV_FILE="$work/licensing.env" "$release/bin/backup.sh" "$work/licensing.sql.gz" > /dev/null
gzip -dc "$work/licensing.sql.gz" | grep -q 'INSERT INTO `registration`' || fail "the backup holds no registration"
echo "bin/backup.sh of the archive dumped the database"

pid="$(cat "$release/wildfly/standalone/licensing-server.pid")"
LICENSING_ENV_FILE="$work/licensing.env" "$release/bin/licensing-server" stop
! kill -0 "$pid" 2> /dev/null || fail "the server ($pid) still runs after bin/licensing-server stop"
! curl -sf -o /dev/null "$base_url/api/v1/ping" || fail "something still answers at $base_url"
